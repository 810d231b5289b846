package io.wasmhive.platform.embedded;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when embedded stores are enabled and none of the properties that point at an external
 * store is set (the seed's {@code MONGODB_URI} and {@code REDIS_URL} arrive as such properties,
 * see {@link StoreUrlEnvironmentPostProcessor}).
 */
abstract class NoExternalStoreCondition extends SpringBootCondition {

  private final String store;

  private final List<String> externalProperties;

  NoExternalStoreCondition(String store, List<String> externalProperties) {
    this.store = store;
    this.externalProperties = externalProperties;
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment environment = context.getEnvironment();
    if (!environment.getProperty("wasmhive.embedded.enabled", Boolean.class, true)) {
      return ConditionOutcome.noMatch("wasmhive.embedded.enabled is false");
    }
    for (String property : externalProperties) {
      if (StringUtils.hasText(environment.getProperty(property))) {
        return ConditionOutcome.noMatch(property + " names an external " + store);
      }
    }
    return ConditionOutcome.match("no external " + store + " is configured");
  }

  /** No external MongoDB. */
  static final class Mongo extends NoExternalStoreCondition {

    Mongo() {
      super("MongoDB", List.of("spring.mongodb.uri", "spring.mongodb.host",
          "spring.data.mongodb.uri", "spring.data.mongodb.host"));
    }
  }

  /** No external Redis. */
  static final class Redis extends NoExternalStoreCondition {

    Redis() {
      super("Redis", List.of("spring.data.redis.url", "spring.data.redis.host",
          "spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes"));
    }
  }
}
