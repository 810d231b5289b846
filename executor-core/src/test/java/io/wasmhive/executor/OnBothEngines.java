package io.wasmhive.executor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs a test class once per {@link EngineChoice}, with the same expected values: the class receives the engine
 * through a {@code @Parameter EngineChoice engine} field or its {@code @BeforeParameterizedClassInvocation} method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ParameterizedClass(name = "on {0}")
@EnumSource(EngineChoice.class)
@interface OnBothEngines {
}
