package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Idempotency shared by every relay instance: one Redis string per key ({@code relay:idem:<key>}), claimed with
 * {@code SET NX PX} in a script that also reads the current value, and overwritten by the response on
 * completion by a script that keeps the fingerprint the key was claimed with. While Redis is unreachable an {@link InMemoryIdempotency} answers and the state is degraded;
 * what it stored is not copied to Redis when Redis returns. Thread-safe; each method blocks for one Redis round
 * trip, at most the redis timeout.
 */
final class RedisIdempotencyStore implements IdempotencyStore {

  /** The prefix of the keys. */
  static final String KEY_PREFIX = "relay:idem:";

  private static final RedisScript<String> CLAIM =
      GuardScripts.of("idempotency_claim.lua", String.class);

  private static final RedisScript<String> COMPLETE =
      GuardScripts.of("idempotency_complete.lua", String.class);

  private static final RedisScript<Long> RELEASE =
      GuardScripts.of("idempotency_release.lua", Long.class);

  private final StringRedisTemplate redis;

  private final IdempotencyProperties properties;

  private final RedisFailover failover;

  private final InMemoryIdempotency fallback;

  RedisIdempotencyStore(StringRedisTemplate redis, IdempotencyProperties properties) {
    this.redis = redis;
    this.properties = properties;
    this.failover = new RedisFailover("idempotency", properties.recoveryInterval());
    this.fallback = new InMemoryIdempotency(properties.fallbackMaxEntries(), System::nanoTime);
  }

  @Override
  public Claim claim(String key, String fingerprint, String owner, Duration inFlightTtl) {
    String marker = IdempotencyValues.inFlight(fingerprint, owner == null ? null : IdempotencyStore.ownerTag(owner));
    return failover.call(() -> claimInRedis(key, marker, inFlightTtl),
        () -> fallback.claimMarker(key, marker, inFlightTtl));
  }

  private Claim claimInRedis(String key, String marker, Duration inFlightTtl) {
    String current = redis.execute(CLAIM, List.of(KEY_PREFIX + key), marker,
        Long.toString(GuardSettings.millis(inFlightTtl)));
    return current == null || current.isEmpty() ? IdempotencyValues.ACQUIRED : IdempotencyValues.decode(current);
  }

  @Override
  public void complete(String key, String responseJson, Duration ttl) {
    failover.run(
        () -> redis.execute(COMPLETE, List.of(KEY_PREFIX + key), responseJson,
            Long.toString(GuardSettings.millis(ttl))),
        () -> fallback.complete(key, responseJson, ttl));
  }

  @Override
  public void release(String key) {
    failover.run(() -> redis.execute(RELEASE, List.of(KEY_PREFIX + key), IdempotencyValues.IN_FLIGHT),
        () -> fallback.release(key));
  }

  @Override
  public Optional<Claim> peek(String key) {
    return failover.call(
        () -> Optional.ofNullable(redis.opsForValue().get(KEY_PREFIX + key)).map(IdempotencyValues::decode),
        () -> fallback.peek(key));
  }

  @Override
  public Duration ttl() {
    return properties.ttl();
  }

  @Override
  public FeatureState state() {
    return failover.state();
  }
}
