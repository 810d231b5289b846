package io.wasmhive.relay;

import io.wasmhive.platform.environment.VariableAliases;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The seed's relay variables whose names are not their properties': {@code RELAY_RATE_LIMIT},
 * {@code RELAY_RATE_WINDOW}, {@code RELAY_HEADER_IDENTITY}, {@code RELAY_PERMISSION_DEFAULT} and
 * {@code RELAY_PERMISSION_URL}. The others ({@code RELAY_MODE}, {@code RELAY_IDEMPOTENCY_TTL},
 * {@code RELAY_EXECUTOR_CONSUMERS}, {@code RELAY_CONCURRENCY_PER_USER}, {@code RELAY_SSE_ENABLED}, …) bind by Spring's
 * relaxed rules. Unset, a setting keeps its record's default; set, it ranks just below the system environment.
 */
public class SeedVariables implements EnvironmentPostProcessor {

  /** The name of the property source the variables go to. */
  public static final String PROPERTY_SOURCE_NAME = "relaySeedVariables";

  private static final Map<String, String> ALIASES = Map.of(
      "RELAY_RATE_LIMIT", "relay.rate-limit.limit",
      "RELAY_RATE_WINDOW", "relay.rate-limit.window",
      "RELAY_HEADER_IDENTITY", "relay.identity.header-enabled",
      "RELAY_PERMISSION_DEFAULT", "relay.permission.default-effect",
      "RELAY_PERMISSION_URL", "relay.permission.remote.url");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    VariableAliases.add(environment, PROPERTY_SOURCE_NAME, ALIASES, VariableAliases.Rank.BELOW_SYSTEM_ENVIRONMENT);
  }
}
