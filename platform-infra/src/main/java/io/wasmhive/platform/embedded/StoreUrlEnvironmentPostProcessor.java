package io.wasmhive.platform.embedded;

import io.wasmhive.platform.environment.VariableAliases;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the seed's environment variable names working: {@code MONGODB_URI} becomes
 * {@code spring.mongodb.uri} and {@code REDIS_URL} becomes {@code spring.data.redis.url}. The
 * mapped values rank just below the system environment, so they beat configuration files while
 * command-line arguments, system properties and Spring's own variable names still beat them.
 */
public class StoreUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

  /** The name of the property source this post-processor adds. */
  public static final String PROPERTY_SOURCE_NAME = "wasmhiveStoreUrls";

  private static final Map<String, String> ALIASES = Map.of(
      "MONGODB_URI", "spring.mongodb.uri",
      "REDIS_URL", "spring.data.redis.url");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    VariableAliases.add(environment, PROPERTY_SOURCE_NAME, ALIASES, VariableAliases.Rank.BELOW_SYSTEM_ENVIRONMENT);
  }
}
