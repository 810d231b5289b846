package io.wasmhive.relay.guard;

import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.RedisTestServer;
import java.time.Duration;
import java.util.Map;

/** Builders of the guards on a real test Redis, with short timeouts so that outages are quick to test. */
final class GuardTesting {

  static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

  private GuardTesting() {
  }

  static GuardRedis connect(RedisTestServer redis) {
    return GuardRedis.standalone(redis.host(), redis.port(), REDIS_TIMEOUT);
  }

  static RateLimitProperties rateLimit(long limit, Duration window, Map<String, Long> overrides,
      Duration recoveryInterval) {
    return new RateLimitProperties(true, limit, window, overrides, REDIS_TIMEOUT, recoveryInterval);
  }

  static IdempotencyProperties idempotency(Duration ttl, Duration recoveryInterval) {
    return new IdempotencyProperties(true, ttl, 1000, REDIS_TIMEOUT, recoveryInterval);
  }

  /** Lets {@code time} pass on the wall clock (Awaitility, not a bare sleep). */
  static void pass(Duration time) {
    await().pollDelay(time).atMost(time.plusSeconds(10)).until(() -> true);
  }
}
