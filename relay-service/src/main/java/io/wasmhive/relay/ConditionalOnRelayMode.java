package io.wasmhive.relay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Marks beans present only in the given {@link RelayMode}s. Every place that depends on the mode reads it through
 * here (or {@link RelayMode#of}), so {@code WORKER} and {@code worker} mean the same everywhere and a value that
 * names no mode stops the start.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnRelayMode.OnRelayMode.class)
public @interface ConditionalOnRelayMode {

  /** The modes the bean is present in. */
  RelayMode[] value();

  /** Matches when the configured mode is one of the annotation's. */
  final class OnRelayMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRelayMode.class.getName());
      RelayMode mode = RelayMode.of(context.getEnvironment());
      for (RelayMode wanted : (RelayMode[]) attributes.get("value")) {
        if (wanted == mode) {
          return true;
        }
      }
      return false;
    }
  }
}
