package io.wasmhive.relay.guard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the idempotency store ({@code relay.idempotency}); the seed's {@code RELAY_IDEMPOTENCY_TTL} maps
 * to {@code ttl} in {@code application.yml}.
 *
 * @param enabled when false every claim is acquired, nothing is stored and the feature reads as off
 * @param ttl how long a completed response is kept; a plain number is milliseconds ({@code 300000})
 * @param fallbackMaxEntries how many keys the in-memory fallback holds at most while Redis is unreachable
 * @param redisTimeout how long one Redis command may take before the in-memory fallback answers
 * @param recoveryInterval how long the fallback answers alone before Redis is tried again
 */
@ConfigurationProperties("relay.idempotency")
public record IdempotencyProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("300000") Duration ttl,
    @DefaultValue("10000") int fallbackMaxEntries,
    @DefaultValue("500ms") Duration redisTimeout,
    @DefaultValue("5s") Duration recoveryInterval) {

  public IdempotencyProperties {
    GuardSettings.requirePositive(ttl, "relay.idempotency.ttl");
    if (fallbackMaxEntries < 1) {
      throw new IllegalArgumentException("relay.idempotency.fallback-max-entries must be at least 1");
    }
    GuardSettings.requirePositive(redisTimeout, "relay.idempotency.redis-timeout");
    GuardSettings.requirePositive(recoveryInterval, "relay.idempotency.recovery-interval");
  }
}
