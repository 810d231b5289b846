package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The rate limit shared by every relay instance: a sliding window per user in one Redis sorted set
 * ({@code relay:rl:<user>}), checked and updated by one Lua script on the Redis clock, so that instances with
 * skewed clocks still agree. While Redis is unreachable a {@link LocalSlidingWindow} answers and the state is
 * degraded. Thread-safe; {@link #tryConsume} blocks for one Redis round trip at most the redis timeout.
 */
final class RedisRateLimiter implements RateLimiter {

  /** The prefix of the per-user keys. */
  static final String KEY_PREFIX = "relay:rl:";

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> SCRIPT =
      GuardScripts.of("rate_limit.lua", List.class);

  private final StringRedisTemplate redis;

  private final RateLimitProperties properties;

  private final RedisFailover failover;

  private final LocalSlidingWindow fallback;

  private final String instance = UUID.randomUUID().toString();

  private final AtomicLong sequence = new AtomicLong();

  RedisRateLimiter(StringRedisTemplate redis, RateLimitProperties properties) {
    this.redis = redis;
    this.properties = properties;
    this.failover = new RedisFailover("rate limit", properties.recoveryInterval());
    this.fallback = new LocalSlidingWindow(properties.window(), System::nanoTime);
  }

  @Override
  public RateLimitDecision tryConsume(String userId) {
    long limit = properties.limitFor(userId);
    return failover.call(() -> consumeInRedis(userId, limit), () -> fallback.tryConsume(userId, limit));
  }

  private RateLimitDecision consumeInRedis(String userId, long limit) {
    String member = instance + ":" + sequence.incrementAndGet();
    List<?> reply = redis.execute(SCRIPT, List.of(KEY_PREFIX + userId), Long.toString(limit),
        Long.toString(windowMillis()), member);
    boolean allowed = ((Number) reply.get(0)).longValue() == 1;
    long remaining = ((Number) reply.get(1)).longValue();
    Duration retryAfter = Duration.of(((Number) reply.get(2)).longValue(), ChronoUnit.MICROS);
    return new RateLimitDecision(allowed, limit, remaining, retryAfter);
  }

  @Override
  public long limit() {
    return properties.limit();
  }

  @Override
  public long windowMillis() {
    return properties.window().toMillis();
  }

  @Override
  public FeatureState state() {
    return failover.state();
  }
}
