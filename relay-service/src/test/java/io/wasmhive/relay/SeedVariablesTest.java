package io.wasmhive.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.relay.execution.ExecutorProperties;
import io.wasmhive.relay.guard.ConcurrencyProperties;
import io.wasmhive.relay.guard.IdempotencyProperties;
import io.wasmhive.relay.guard.PermissionProperties;
import io.wasmhive.relay.guard.PermissionRule;
import io.wasmhive.relay.guard.RateLimitProperties;
import io.wasmhive.relay.identity.IdentityProperties;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The seed's environment variables reach the relay's settings, by Spring's relaxed rules or through
 * {@link SeedVariables}, and without them every setting is its record's default: {@code application.yml} adds no
 * value of its own. The variables are given as a process environment would give them.
 */
class SeedVariablesTest {

  @Test
  void withoutVariablesEverySettingIsItsRecordsDefault() throws Exception {
    Binder relay = binder(Map.of());
    Binder bare = new Binder();

    assertThat(bind(relay, "relay.rate-limit", RateLimitProperties.class))
        .isEqualTo(bind(bare, "relay.rate-limit", RateLimitProperties.class))
        .satisfies(p -> assertThat(p.limit()).isEqualTo(10))
        .satisfies(p -> assertThat(p.window()).isEqualTo(Duration.ofMinutes(1)));
    assertThat(bind(relay, "relay.identity", IdentityProperties.class).headerEnabled()).isTrue();
    assertThat(bind(relay, "relay.permission", PermissionProperties.class))
        .isEqualTo(bind(bare, "relay.permission", PermissionProperties.class))
        .satisfies(p -> assertThat(p.remote().url()).isNull());
    assertThat(bind(relay, "relay.idempotency", IdempotencyProperties.class))
        .isEqualTo(bind(bare, "relay.idempotency", IdempotencyProperties.class));
    assertThat(bind(relay, "relay.executor", ExecutorProperties.class))
        .isEqualTo(bind(bare, "relay.executor", ExecutorProperties.class));
    assertThat(bind(relay, "relay", RelayProperties.class).mode()).isEqualTo(RelayMode.ALL);
  }

  @Test
  void theSeedsVariablesSetTheirSettings() throws Exception {
    Map<String, Object> variables = new HashMap<>();
    variables.put("RELAY_RATE_LIMIT", "3");
    variables.put("RELAY_RATE_WINDOW", "1000");
    variables.put("RELAY_RATE_LIMIT_ENABLED", "false");
    variables.put("RELAY_IDEMPOTENCY_TTL", "1234");
    variables.put("RELAY_IDEMPOTENCY_ENABLED", "false");
    variables.put("RELAY_MODE", "WORKER");
    variables.put("RELAY_HEADER_IDENTITY", "false");
    variables.put("RELAY_EXECUTOR_CONSUMERS", "5");
    variables.put("RELAY_EXECUTOR_RECLAIM_IDLE", "45s");
    variables.put("RELAY_EXECUTOR_MAX_DELIVERIES", "7");
    variables.put("RELAY_EXECUTOR_DONE_TTL", "20m");
    variables.put("RELAY_CONCURRENCY_PER_USER", "2");
    variables.put("RELAY_PERMISSION_DEFAULT", "deny");
    variables.put("RELAY_PERMISSION_URL", "http://policy.example/check");
    variables.put("RELAY_PERMISSION_ENABLED", "false");
    variables.put("RELAY_SSE_ENABLED", "false");
    Binder relay = binder(variables);

    RateLimitProperties rateLimit = bind(relay, "relay.rate-limit", RateLimitProperties.class);
    assertThat(rateLimit.limit()).isEqualTo(3);
    assertThat(rateLimit.window()).isEqualTo(Duration.ofSeconds(1));
    assertThat(rateLimit.enabled()).isFalse();
    IdempotencyProperties idempotency = bind(relay, "relay.idempotency", IdempotencyProperties.class);
    assertThat(idempotency.ttl()).isEqualTo(Duration.ofMillis(1234));
    assertThat(idempotency.enabled()).isFalse();
    assertThat(bind(relay, "relay", RelayProperties.class).mode()).isEqualTo(RelayMode.WORKER);
    assertThat(bind(relay, "relay.identity", IdentityProperties.class).headerEnabled()).isFalse();
    ExecutorProperties executor = bind(relay, "relay.executor", ExecutorProperties.class);
    assertThat(executor.consumers()).isEqualTo(5);
    assertThat(executor.reclaimIdle()).isEqualTo(Duration.ofSeconds(45));
    assertThat(executor.maxDeliveries()).isEqualTo(7);
    assertThat(executor.doneTtl()).isEqualTo(Duration.ofMinutes(20));
    assertThat(bind(relay, "relay.concurrency", ConcurrencyProperties.class).perUser()).isEqualTo(2);
    PermissionProperties permission = bind(relay, "relay.permission", PermissionProperties.class);
    assertThat(permission.defaultEffect()).isEqualTo(PermissionRule.Effect.DENY);
    assertThat(permission.remote().url()).isEqualTo(URI.create("http://policy.example/check"));
    assertThat(permission.enabled()).isFalse();
    assertThat(relay.bind("relay.sse.enabled", Boolean.class).get()).isFalse();
  }

  /** A binder over {@code application.yml} and the given process environment, as the running relay sees them. */
  private static Binder binder(Map<String, Object> variables) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
        .forEach(source -> environment.getPropertySources().addLast(source));
    new SeedVariables().postProcessEnvironment(environment, null);
    return Binder.get(environment);
  }

  private static <T> T bind(Binder binder, String prefix, Class<T> type) {
    return binder.bindOrCreate(prefix, type);
  }
}
