package io.wasmhive.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wasmhive.platform.testing.RedisTestServer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** {@code wasmhive_redis_up}: its staleness rule on a clock of the test's, then against a real Redis stopped and started. */
class RedisUpMeterTest {

  @Test
  void readsOneUntilTheLastAnsweredPingIsOlderThanStaleAfter() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    AtomicBoolean answers = new AtomicBoolean(false);
    RedisUpMeter meter = new RedisUpMeter(() -> {
      if (!answers.get()) {
        throw new IllegalStateException("no answer");
      }
    }, Duration.ofSeconds(5), Duration.ofSeconds(15), now::get);
    assertThat(meter.value()).as("no PING answered yet").isZero();
    meter.pingOnce();
    assertThat(meter.value()).isZero();
    answers.set(true);
    meter.pingOnce();
    assertThat(meter.value()).isEqualTo(1);
    answers.set(false);
    meter.pingOnce();
    now.addAndGet(Duration.ofSeconds(15).toNanos());
    assertThat(meter.value()).as("exactly stale-after old").isEqualTo(1);
    now.incrementAndGet();
    assertThat(meter.value()).as("one nanosecond past stale-after").isZero();
  }

  @Test
  void theSettingsAreValidated() {
    assertThatThrownBy(() -> new MetricsProperties(Duration.ofMillis(9), Duration.ofSeconds(1)))
        .hasMessageContaining("redis-ping-interval");
    assertThatThrownBy(() -> new MetricsProperties(Duration.ofSeconds(5), Duration.ofSeconds(5)))
        .hasMessageContaining("redis-stale-after");
    assertThat(new MetricsProperties(Duration.ofMillis(10), Duration.ofMillis(11)).redisStaleAfter())
        .isEqualTo(Duration.ofMillis(11));
  }

  @Test
  void followsARealRedisThroughAnOutage() {
    try (RedisTestServer redis = RedisTestServer.start()) {
      LettuceConnectionFactory factory = new LettuceConnectionFactory(
          new RedisStandaloneConfiguration(redis.host(), redis.port()),
          LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
      factory.afterPropertiesSet();
      factory.start();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (RedisUpMeter meter = new RedisUpMeter(() -> {
        try (RedisConnection connection = factory.getConnection()) {
          connection.ping();
        }
      }, Duration.ofMillis(50), Duration.ofMillis(400))) {
        meter.bindTo(registry);
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("wasmhive.redis.up").gauge().value() == 1);
        redis.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("wasmhive.redis.up").gauge().value() == 0);
        redis.startAgain();
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.get("wasmhive.redis.up").gauge().value() == 1);
      } finally {
        factory.destroy();
      }
    }
  }
}
