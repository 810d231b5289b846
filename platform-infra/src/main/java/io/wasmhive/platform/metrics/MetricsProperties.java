package io.wasmhive.platform.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform's operations meters, under {@code wasmhive.metrics}.
 *
 * @param redisPingInterval how often a background thread sends Redis a {@code PING} for {@code wasmhive_redis_up}
 * @param redisStaleAfter how long after the last answered {@code PING} the gauge still reads 1; a {@code PING} that
 *     hangs (Redis unreachable, commands timing out) lets it fall to 0 after this long
 */
@ConfigurationProperties("wasmhive.metrics")
public record MetricsProperties(
    @DefaultValue("5s") Duration redisPingInterval,
    @DefaultValue("15s") Duration redisStaleAfter) {

  public MetricsProperties {
    if (redisPingInterval == null || redisPingInterval.compareTo(Duration.ofMillis(10)) < 0) {
      throw new IllegalArgumentException("wasmhive.metrics.redis-ping-interval must be at least 10ms, was "
          + redisPingInterval);
    }
    if (redisStaleAfter == null || redisStaleAfter.compareTo(redisPingInterval) <= 0) {
      throw new IllegalArgumentException("wasmhive.metrics.redis-stale-after must be longer than the ping interval, was "
          + redisStaleAfter);
    }
  }
}
