package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.RedisTestServer;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both Redis-backed guards while their redis-server is stopped and after it comes back: they keep answering
 * from the in-process fallback with the same rules, read as degraded, and return to Redis by themselves.
 */
class RedisOutageIntegrationTests {

  private static final Duration RECOVERY = Duration.ofMillis(300);

  private RedisTestServer redis;

  private GuardRedis connection;

  private RedisRateLimiter limiter;

  private RedisIdempotencyStore store;

  @BeforeEach
  void start() {
    redis = RedisTestServer.start();
    connection = GuardTesting.connect(redis);
    limiter = new RedisRateLimiter(connection.template(),
        GuardTesting.rateLimit(3, Duration.ofSeconds(60), Map.of("load", 5L), RECOVERY));
    store = new RedisIdempotencyStore(connection.template(),
        GuardTesting.idempotency(Duration.ofMinutes(5), RECOVERY));
  }

  @AfterEach
  void stop() {
    connection.close();
    redis.close();
  }

  @Test
  void theRateLimitFallsBackToTheSameWindowInProcessAndReturnsToRedis() {
    assertThat(limiter.tryConsume("ana").allowed()).isTrue();
    assertThat(limiter.state().healthy()).isTrue();

    redis.stop();
    long started = System.nanoTime();
    RateLimitDecision first = limiter.tryConsume("ana");
    Duration firstCall = Duration.ofNanos(System.nanoTime() - started);

    assertThat(firstCall).isLessThan(Duration.ofSeconds(3));
    assertThat(limiter.state().degraded()).isTrue();
    assertThat(limiter.state().detail()).contains("Redis unreachable");
    assertThat(first.allowed()).isTrue();
    assertThat(limiter.tryConsume("ana").allowed()).isTrue();
    assertThat(limiter.tryConsume("ana").allowed()).isTrue();
    RateLimitDecision refused = limiter.tryConsume("ana");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isGreaterThan(Duration.ofSeconds(50));
    long loadAdmitted = 0;
    for (int i = 0; i < 6; i++) {
      loadAdmitted += limiter.tryConsume("load").allowed() ? 1 : 0;
    }
    assertThat(loadAdmitted).isEqualTo(5);

    redis.startAgain();
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
        .until(() -> limiter.tryConsume("probe").allowed() && limiter.state().healthy());
    // The restarted server holds no data: "ana" starts a fresh budget there.
    assertThat(limiter.tryConsume("ana").remaining()).isEqualTo(2);
    assertThat(connection.template().hasKey(RedisRateLimiter.KEY_PREFIX + "ana")).isTrue();
  }

  @Test
  void idempotencyFallsBackToMemoryAndReturnsToRedis() {
    store.claim("before", Duration.ofSeconds(30));

    redis.stop();
    Claim acquired = store.claim("outage", Duration.ofSeconds(30));

    assertThat(store.state().degraded()).isTrue();
    assertThat(acquired).isEqualTo(new Claim.Acquired());
    assertThat(store.claim("outage", Duration.ofSeconds(30))).isEqualTo(new Claim.InFlight());
    store.complete("outage", "{\"n\":1}", store.ttl());
    assertThat(store.claim("outage", Duration.ofSeconds(30))).isEqualTo(new Claim.Done("{\"n\":1}"));
    store.claim("released", Duration.ofSeconds(30));
    store.release("released");
    assertThat(store.peek("released")).isEmpty();

    // A longer outage: the connection's reconnect attempts back off, but at most to one second.
    GuardTesting.pass(Duration.ofSeconds(4));
    redis.startAgain();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> store.peek("x").isEmpty() && store.state().healthy());
    assertThat(store.claim("after", Duration.ofSeconds(30))).isEqualTo(new Claim.Acquired());
    assertThat(connection.template().opsForValue().get(RedisIdempotencyStore.KEY_PREFIX + "after"))
        .isEqualTo(IdempotencyValues.IN_FLIGHT);
  }

  @Test
  void responsesCompletedDuringAnOutageAreFoundAfterItAndWrittenBackForEveryInstance() {
    // Claimed on Redis, completed in memory (the outage came while it ran); and claimed and completed in memory.
    assertThat(store.claim("claimed-before", Duration.ofSeconds(30))).isEqualTo(new Claim.Acquired());
    redis.stop();
    store.complete("claimed-before", "{\"n\":1}", store.ttl());
    assertThat(store.claim("claimed-during", Duration.ofSeconds(30))).isEqualTo(new Claim.Acquired());
    store.complete("claimed-during", "{\"n\":2}", store.ttl());
    assertThat(store.state().degraded()).isTrue();

    redis.startAgain();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
        .until(() -> store.peek("x").isEmpty() && store.state().healthy());

    assertThat(store.peek("claimed-before")).contains(new Claim.Done("{\"n\":1}"));
    assertThat(store.claim("claimed-during", Duration.ofSeconds(30))).isEqualTo(new Claim.Done("{\"n\":2}"));
    // Written back: another relay instance on the same Redis finds both responses, with their TTL.
    try (GuardRedis other = GuardTesting.connect(redis)) {
      RedisIdempotencyStore otherInstance = new RedisIdempotencyStore(other.template(),
          GuardTesting.idempotency(Duration.ofMinutes(5), RECOVERY));
      assertThat(otherInstance.peek("claimed-before")).contains(new Claim.Done("{\"n\":1}"));
      assertThat(otherInstance.claim("claimed-during", Duration.ofSeconds(30)))
          .isEqualTo(new Claim.Done("{\"n\":2}"));
    }
    assertThat(connection.template().getExpire(RedisIdempotencyStore.KEY_PREFIX + "claimed-during"))
        .isBetween(Duration.ofMinutes(4).toSeconds(), Duration.ofMinutes(5).toSeconds());
  }

  @Test
  void theFallbackAnswersWithoutWaitingOnRedisWhileTheCircuitIsOpen() {
    limiter.tryConsume("ana");
    redis.stop();
    limiter.tryConsume("ana");

    long started = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      limiter.tryConsume("user-" + i);
    }
    Duration hundredCalls = Duration.ofNanos(System.nanoTime() - started);

    assertThat(hundredCalls).isLessThan(Duration.ofSeconds(2));
    assertThat(limiter.state().degraded()).isTrue();
  }
}
