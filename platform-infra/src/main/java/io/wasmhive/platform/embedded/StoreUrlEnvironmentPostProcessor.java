package io.wasmhive.platform.embedded;

import java.util.Map;

import io.wasmhive.platform.environment.VariableAliases;

/**
 * Keeps the seed's environment variable names working: {@code MONGODB_URI} becomes
 * {@code spring.mongodb.uri} and {@code REDIS_URL} becomes {@code spring.data.redis.url}. The
 * mapped values rank just below the system environment, so they beat configuration files while
 * command-line arguments, system properties and Spring's own variable names still beat them.
 */
public class StoreUrlEnvironmentPostProcessor extends VariableAliases {

  /** The name of the property source this post-processor adds. */
  public static final String PROPERTY_SOURCE_NAME = "wasmhiveStoreUrls";

  public StoreUrlEnvironmentPostProcessor() {
    super(PROPERTY_SOURCE_NAME, Map.of(
        "MONGODB_URI", "spring.mongodb.uri",
        "REDIS_URL", "spring.data.redis.url"));
  }
}
