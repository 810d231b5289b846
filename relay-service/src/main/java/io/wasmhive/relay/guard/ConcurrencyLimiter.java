package io.wasmhive.relay.guard;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Caps the executions a user has queued or running at once, across all relay instances: a hostile or runaway
 * client can occupy at most its share of the executors, whatever its rate limit. Slots live in one Redis sorted
 * set per user ({@code relay:run:<user>}), taken by one Lua script and released when the outcome arrives; a slot
 * whose relay died is dropped after its lease. While Redis is unreachable, slots are counted in this instance
 * (through the guards' shared failover).
 */
public final class ConcurrencyLimiter {

  static final String KEY_PREFIX = "relay:run:";

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> ACQUIRE =
      GuardScripts.of("concurrency_acquire.lua", List.class);

  private final StringRedisTemplate redis;
  private final ConcurrencyProperties properties;
  private final RedisFailover failover;
  private final Map<String, Set<String>> local = new ConcurrentHashMap<>();

  ConcurrencyLimiter(StringRedisTemplate redis, ConcurrencyProperties properties) {
    this.redis = redis;
    this.properties = properties;
    this.failover = new RedisFailover("concurrency limit", Duration.ofSeconds(5));
  }

  /** The limit that applies to {@code userId}. */
  public int limitFor(String userId) {
    return properties.limitFor(userId);
  }

  /**
   * Takes a slot for {@code requestId} (taking it again is a no-op); false when the user already has its limit of
   * executions queued or running. {@code lease} bounds how long a slot outlives a relay that dies holding it.
   */
  public boolean tryAcquire(String userId, String requestId, Duration lease) {
    if (!properties.enabled()) {
      return true;
    }
    int limit = properties.limitFor(userId);
    return failover.call(() -> {
      List<?> reply = redis.execute(ACQUIRE, List.of(KEY_PREFIX + userId), Integer.toString(limit), requestId,
          Long.toString(Math.max(1, lease.toMillis())));
      return ((Number) reply.get(0)).longValue() == 1;
    }, () -> {
      Set<String> running = local.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet());
      synchronized (running) {
        if (running.contains(requestId)) {
          return true;
        }
        if (running.size() >= limit) {
          return false;
        }
        return running.add(requestId);
      }
    });
  }

  /** Gives the slot of {@code requestId} back. */
  public void release(String userId, String requestId) {
    if (!properties.enabled()) {
      return;
    }
    Set<String> running = local.get(userId);
    if (running != null) {
      running.remove(requestId);
    }
    try {
      failover.call(() -> redis.opsForZSet().remove(KEY_PREFIX + userId, requestId), () -> 0L);
    } catch (RuntimeException e) {
      // The lease drops the slot.
    }
  }
}
