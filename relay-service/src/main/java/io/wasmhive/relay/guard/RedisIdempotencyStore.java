package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Idempotency shared by every relay instance: one Redis string per key ({@code relay:idem:<key>}), claimed with
 * {@code SET NX PX} in a script that also reads the current value, and overwritten by the response on
 * completion by a script that keeps the fingerprint the key was claimed with. While Redis is unreachable (or
 * slower than the redis timeout) an {@link InMemoryIdempotency} answers and the state is degraded. A response
 * completed there is not lost when Redis returns: a lookup finds it in memory when Redis knows the key only in
 * flight or not at all, and it is written back to Redis (with the rest of its TTL) by the next command that reaches
 * Redis, so other instances see it too. Thread-safe; each method blocks for one Redis round trip, at most the redis
 * timeout, plus the write-back of at most {@code fallbackMaxEntries} responses once after an outage.
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

  /** Responses completed in memory while Redis failed, to be written to Redis: key → response and deadline. */
  private final Map<String, Unsynced> unsynced = new ConcurrentHashMap<>();

  private final AtomicBoolean writingBack = new AtomicBoolean();

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
    writeBack();
    Optional<Claim> completedInMemory = completedInMemory(key);
    if (completedInMemory.isPresent()) {
      return completedInMemory.get();
    }
    String current = redis.execute(CLAIM, List.of(KEY_PREFIX + key), marker,
        Long.toString(GuardSettings.millis(inFlightTtl)));
    return current == null || current.isEmpty() ? IdempotencyValues.ACQUIRED : IdempotencyValues.decode(current);
  }

  /** The response completed for {@code key} in memory during an outage, if there is one (and not expired). */
  private Optional<Claim> completedInMemory(String key) {
    return fallback.peek(key).filter(Claim.Done.class::isInstance);
  }

  @Override
  public void complete(String key, String responseJson, Duration ttl) {
    failover.run(
        () -> {
          writeBack();
          completeInRedis(key, responseJson, ttl);
          unsynced.remove(key);
        },
        () -> {
          fallback.complete(key, responseJson, ttl);
          if (unsynced.size() < properties.fallbackMaxEntries()) {
            unsynced.put(key, new Unsynced(responseJson, System.nanoTime() + ttl.toNanos()));
          }
        });
  }

  private void completeInRedis(String key, String responseJson, Duration ttl) {
    redis.execute(COMPLETE, List.of(KEY_PREFIX + key), responseJson, Long.toString(GuardSettings.millis(ttl)));
  }

  /**
   * Copies the responses completed in memory during an outage to Redis, once Redis answers again; one thread at a
   * time, the others go on. A failure leaves the rest for the next command.
   */
  private void writeBack() {
    if (unsynced.isEmpty() || !writingBack.compareAndSet(false, true)) {
      return;
    }
    try {
      for (Map.Entry<String, Unsynced> entry : unsynced.entrySet()) {
        long remaining = entry.getValue().deadline() - System.nanoTime();
        if (remaining > Duration.ofMillis(1).toNanos()) {
          completeInRedis(entry.getKey(), entry.getValue().response(), Duration.ofNanos(remaining));
        }
        unsynced.remove(entry.getKey(), entry.getValue());
      }
    } finally {
      writingBack.set(false);
    }
  }

  @Override
  public void release(String key) {
    failover.run(() -> redis.execute(RELEASE, List.of(KEY_PREFIX + key), IdempotencyValues.IN_FLIGHT),
        () -> fallback.release(key));
  }

  @Override
  public Optional<Claim> peek(String key) {
    return failover.call(() -> peekInRedis(key), () -> fallback.peek(key));
  }

  /** Redis's answer, unless Redis knows the key only in flight or not at all and memory holds its response. */
  private Optional<Claim> peekInRedis(String key) {
    writeBack();
    Optional<Claim> stored =
        Optional.ofNullable(redis.opsForValue().get(KEY_PREFIX + key)).map(IdempotencyValues::decode);
    if (stored.isEmpty() || stored.get() instanceof Claim.InFlight) {
      Optional<Claim> inMemory = completedInMemory(key);
      if (inMemory.isPresent()) {
        return inMemory;
      }
    }
    return stored;
  }

  @Override
  public Duration ttl() {
    return properties.ttl();
  }

  @Override
  public FeatureState state() {
    return failover.state();
  }

  /** A response completed in memory, and when its TTL ends (nano clock). */
  private record Unsynced(String response, long deadline) {
  }
}
