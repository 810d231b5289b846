package io.wasmhive.relay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Marks beans of the HTTP API: present unless the instance runs as {@code relay.mode=worker} (executor consumers
 * only) or {@code relay.intent.enabled=false}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ServesApi.OnServesApi.class)
public @interface ServesApi {

  /** The mode serves the API and {@link IntentProperties#enabled()} (with its default) is true. */
  final class OnServesApi implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return RelayMode.of(context.getEnvironment()).servesApi() && Binder.get(context.getEnvironment())
          .bindOrCreate("relay.intent", IntentProperties.class).enabled();
    }
  }
}
