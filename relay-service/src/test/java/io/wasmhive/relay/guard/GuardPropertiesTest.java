package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guards' settings are checked when bound: each bound at its edge and just past it. */
class GuardPropertiesTest {

  private static final Duration MS = Duration.ofMillis(1);

  @Test
  void theRateLimitNeedsAtLeastOneRequestPerAtLeastOneMillisecond() {
    RateLimitProperties smallest = new RateLimitProperties(true, 1, MS, Map.of("u", 1L), MS, MS);

    assertThat(smallest.limitFor("u")).isEqualTo(1);
    assertThat(smallest.limitFor("other")).isEqualTo(1);
    assertThatThrownBy(() -> new RateLimitProperties(true, 0, MS, null, MS, MS))
        .hasMessageContaining("relay.rate-limit.limit");
    assertThatThrownBy(() -> new RateLimitProperties(true, 1, Duration.ofNanos(999_999), null, MS, MS))
        .hasMessageContaining("relay.rate-limit.window");
    assertThatThrownBy(() -> new RateLimitProperties(true, 1, MS, Map.of("u", 0L), MS, MS))
        .hasMessageContaining("relay.rate-limit.overrides.u");
    assertThatThrownBy(() -> new RateLimitProperties(true, 1, MS, null, Duration.ZERO, MS))
        .hasMessageContaining("relay.rate-limit.redis-timeout");
  }

  @Test
  void idempotencyNeedsATtlAndRoomForOneFallbackEntry() {
    assertThat(new IdempotencyProperties(true, MS, 1, MS, MS).fallbackMaxEntries()).isEqualTo(1);
    assertThatThrownBy(() -> new IdempotencyProperties(true, MS, 0, MS, MS))
        .hasMessageContaining("relay.idempotency.fallback-max-entries");
    assertThatThrownBy(() -> new IdempotencyProperties(true, Duration.ZERO, 1, MS, MS))
        .hasMessageContaining("relay.idempotency.ttl");
  }

  @Test
  void theRemoteServiceIsAnHttpUrlOrNothingAndItsCircuitSettingsAreBounded() {
    assertThat(new PermissionProperties.Remote(URI.create(""), MS, 1, 100, MS).configured()).isFalse();
    assertThat(new PermissionProperties.Remote(URI.create("https://policy.example/check"), MS, 1, 1, MS)
        .configured()).isTrue();
    assertThatThrownBy(() -> new PermissionProperties.Remote(URI.create("file:///etc/passwd"), MS, 1, 50, MS))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> new PermissionProperties.Remote(null, MS, 0, 50, MS))
        .hasMessageContaining("minimum-calls");
    assertThatThrownBy(() -> new PermissionProperties.Remote(null, MS, 1, 101, MS))
        .hasMessageContaining("failure-rate");
    assertThatThrownBy(() -> new PermissionProperties.Remote(null, MS, 1, 0, MS))
        .hasMessageContaining("failure-rate");
  }
}
