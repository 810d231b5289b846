package io.wasmhive.relay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Marks beans of the HTTP API: present unless the instance runs as {@code relay.mode=worker} (executor consumers
 * only) or {@code relay.intent.enabled=false}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${relay.mode:all}' != 'worker' and ${relay.intent.enabled:true}")
public @interface ServesApi {
}
