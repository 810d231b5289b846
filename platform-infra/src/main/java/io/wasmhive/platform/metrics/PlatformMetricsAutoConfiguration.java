package io.wasmhive.platform.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** The operations meters of every service with Micrometer and Redis: {@link RedisUpMeter}. */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({MeterBinder.class, RedisConnectionFactory.class})
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(MetricsProperties.class)
public class PlatformMetricsAutoConfiguration {

  @Bean(destroyMethod = "close")
  RedisUpMeter redisUpMeter(RedisConnectionFactory redis, MetricsProperties properties) {
    return new RedisUpMeter(() -> ping(redis), properties.redisPingInterval(), properties.redisStaleAfter());
  }

  private static void ping(RedisConnectionFactory redis) {
    try (RedisConnection connection = redis.getConnection()) {
      connection.ping();
    }
  }
}
