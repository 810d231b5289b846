package io.wasmhive.relay.guard;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the rate limit ({@code relay.rate-limit}); the seed's {@code RELAY_RATE_LIMIT} and
 * {@code RELAY_RATE_WINDOW} map to {@code limit} and {@code window} in {@code application.yml}.
 *
 * @param enabled when false every request is allowed and the feature reads as off
 * @param limit requests per window for users without an override
 * @param window the sliding window; a plain number is milliseconds ({@code 60000}), {@code 60s} also works
 * @param overrides per-user limits, {@code relay.rate-limit.overrides.<user>=<limit>}; a user id with dots or
 *     other special characters is written in brackets, {@code overrides[bench.load]=100000}
 * @param redisTimeout how long one Redis command may take before the in-process fallback answers
 * @param recoveryInterval how long the fallback answers alone before Redis is tried again
 */
@ConfigurationProperties("relay.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10") long limit,
    @DefaultValue("60000") Duration window,
    Map<String, Long> overrides,
    @DefaultValue("500ms") Duration redisTimeout,
    @DefaultValue("5s") Duration recoveryInterval) {

  public RateLimitProperties {
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    if (limit < 1) {
      throw new IllegalArgumentException("relay.rate-limit.limit must be at least 1, was " + limit);
    }
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("relay.rate-limit.window must be at least 1 ms, was " + window);
    }
    overrides.forEach((user, value) -> {
      if (value == null || value < 1) {
        throw new IllegalArgumentException("relay.rate-limit.overrides." + user + " must be at least 1");
      }
    });
    GuardSettings.requirePositive(redisTimeout, "relay.rate-limit.redis-timeout");
    GuardSettings.requirePositive(recoveryInterval, "relay.rate-limit.recovery-interval");
  }

  /** The limit of {@code userId}: its override, else the default. */
  long limitFor(String userId) {
    return overrides.getOrDefault(userId, limit);
  }
}
