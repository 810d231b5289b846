package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/** The three guards switched off by configuration: everything passes, nothing is stored, all read as off. */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.data-dir=target/it-data/GuardsDisabledIntegrationTests",
    "relay.rate-limit.enabled=false",
    "relay.rate-limit.limit=1",
    "relay.idempotency.enabled=false",
    "relay.permission.enabled=false",
    "relay.permission.default-effect=deny"})
class GuardsDisabledIntegrationTests {

  @Autowired
  RateLimiter rateLimiter;

  @Autowired
  IdempotencyStore idempotency;

  @Autowired
  PermissionChecker permission;

  @Autowired
  StringRedisTemplate redis;

  @Test
  void aDisabledRateLimitAllowsEveryRequest() {
    for (int i = 0; i < 5; i++) {
      assertThat(rateLimiter.tryConsume("ana").allowed()).isTrue();
    }
    assertThat(rateLimiter.limit()).isEqualTo(1);
    assertThat(redis.hasKey(RedisRateLimiter.KEY_PREFIX + "ana")).isFalse();
    assertThat(rateLimiter.state()).isEqualTo(FeatureState.off());
  }

  @Test
  void disabledIdempotencyAcquiresEveryClaimAndStoresNothing() {
    idempotency.claim("k", Duration.ofSeconds(30));
    idempotency.complete("k", "{}", idempotency.ttl());

    assertThat(idempotency.claim("k", Duration.ofSeconds(30))).isEqualTo(new Claim.Acquired());
    assertThat(idempotency.peek("k")).isEmpty();
    assertThat(idempotency.ttl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(idempotency.state().healthy()).isFalse();
    assertThat(idempotency.state().enabled()).isFalse();
  }

  @Test
  void aDisabledPermissionCheckAllowsEvenWithADenyingDefault() {
    PermissionDecision decision = permission.check(new PermissionRequest("mallory", "", "glyph://x@1", null));

    assertThat(decision.allowed()).isTrue();
    assertThat(permission.state()).isEqualTo(FeatureState.off());
  }
}
