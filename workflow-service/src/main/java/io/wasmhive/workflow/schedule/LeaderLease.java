package io.wasmhive.workflow.schedule;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One holder across instances: a Redis key set with {@code SET NX PX} to this instance's token, renewed by its
 * holder (a compare-and-expire script) and released on shutdown (compare-and-delete). A holder that stops renewing
 * loses it after the lease time and another instance takes it. Holding it is an optimisation, not the guarantee:
 * the schedule's conditional update is what makes a due time fire once. Thread-safe.
 */
class LeaderLease {

  private static final RedisScript<Long> RENEW = RedisScript.of(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
      Long.class);
  private static final RedisScript<Long> RELEASE = RedisScript.of(
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
      Long.class);

  private final StringRedisTemplate redis;
  private final String key;
  private final Duration lease;
  private final String token = UUID.randomUUID().toString();

  LeaderLease(StringRedisTemplate redis, String key, Duration lease) {
    this.redis = redis;
    this.key = key;
    this.lease = lease;
  }

  /** Takes the lease, or renews it when this instance holds it; answers whether it holds it now. Blocks on Redis. */
  boolean acquireOrRenew() {
    Long renewed = redis.execute(RENEW, List.of(key), token, String.valueOf(lease.toMillis()));
    if (renewed != null && renewed == 1) {
      return true;
    }
    return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, token, lease));
  }

  /** Gives the lease up if this instance holds it, so that another takes over at once. */
  void release() {
    redis.execute(RELEASE, List.of(key), token);
  }

  /** This instance's token (what the key holds while it leads). */
  String token() {
    return token;
  }
}
