package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.Optional;

/** The guards switched off by configuration: they let everything through and read as off. */
final class DisabledGuards {

  private DisabledGuards() {
  }

  /** Allows every request; reports the configured limit and window all the same. */
  record RateLimit(long limit, long windowMillis) implements RateLimiter {

    @Override
    public RateLimitDecision tryConsume(String userId) {
      return new RateLimitDecision(true, limit, limit, Duration.ZERO);
    }

    @Override
    public FeatureState state() {
      return FeatureState.off();
    }
  }

  /** Every claim is acquired and nothing is stored. */
  record Idempotency(Duration ttl) implements IdempotencyStore {

    @Override
    public Claim claim(String key, String fingerprint, String owner, Duration inFlightTtl) {
      return IdempotencyValues.ACQUIRED;
    }

    @Override
    public void complete(String key, String responseJson, Duration ttl) {
    }

    @Override
    public void release(String key) {
    }

    @Override
    public Optional<Claim> peek(String key) {
      return Optional.empty();
    }

    @Override
    public FeatureState state() {
      return FeatureState.off();
    }
  }

  /** Allows every execution. */
  record Permission() implements PermissionChecker {

    @Override
    public PermissionDecision check(PermissionRequest request) {
      return PermissionDecision.allow("permission checks are disabled");
    }

    @Override
    public FeatureState state() {
      return FeatureState.off();
    }
  }
}
