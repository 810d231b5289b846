package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wasmhive.platform.testing.RedisTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared rate limit on a real redis-server: the Lua script, its edges, and sharing between instances. */
class RedisRateLimiterIntegrationTests {

  private static final Duration MINUTE = Duration.ofSeconds(60);

  private static RedisTestServer redis;

  private static GuardRedis first;

  private static GuardRedis second;

  private static final AtomicInteger users = new AtomicInteger();

  @BeforeAll
  static void startRedis() {
    redis = RedisTestServer.start();
    first = GuardTesting.connect(redis);
    second = GuardTesting.connect(redis);
  }

  @AfterAll
  static void stopRedis() {
    first.close();
    second.close();
    redis.close();
  }

  private static String newUser() {
    return "user-" + users.incrementAndGet();
  }

  private static RedisRateLimiter limiter(GuardRedis connection, long limit, Duration window,
      Map<String, Long> overrides) {
    return new RedisRateLimiter(connection.template(),
        GuardTesting.rateLimit(limit, window, overrides, Duration.ofSeconds(5)));
  }

  @Test
  void admitsExactlyTheLimitThenRefusesWithTheTimeUntilAPlaceFrees() {
    RedisRateLimiter limiter = limiter(first, 3, MINUTE, Map.of());
    String user = newUser();

    List<RateLimitDecision> admitted = List.of(limiter.tryConsume(user), limiter.tryConsume(user),
        limiter.tryConsume(user));
    RateLimitDecision refused = limiter.tryConsume(user);
    RateLimitDecision refusedAgain = limiter.tryConsume(user);

    assertThat(admitted).extracting(RateLimitDecision::allowed).containsOnly(true);
    assertThat(admitted).extracting(RateLimitDecision::remaining).containsExactly(2L, 1L, 0L);
    assertThat(admitted).extracting(RateLimitDecision::retryAfter).containsOnly(Duration.ZERO);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.limit()).isEqualTo(3);
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfter()).isGreaterThan(Duration.ofSeconds(50)).isLessThanOrEqualTo(MINUTE);
    assertThat(refusedAgain.allowed()).isFalse();
    assertThat(refusedAgain.retryAfter()).isLessThanOrEqualTo(refused.retryAfter());
  }

  @Test
  void theWindowSlidesAndARequestPassesOnceRetryAfterHasElapsed() {
    Duration window = Duration.ofMillis(1500);
    RedisRateLimiter limiter = limiter(first, 2, window, Map.of());
    String user = newUser();
    limiter.tryConsume(user);
    GuardTesting.pass(Duration.ofMillis(700));
    limiter.tryConsume(user);
    RateLimitDecision refused = limiter.tryConsume(user);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(800));

    GuardTesting.pass(refused.retryAfter().plusMillis(20));
    RateLimitDecision oneFreed = limiter.tryConsume(user);
    RateLimitDecision stillFull = limiter.tryConsume(user);

    assertThat(oneFreed.allowed()).isTrue();
    assertThat(oneFreed.remaining()).isZero();
    // The second request is still in the window: a sliding window, not a reset of the whole budget.
    assertThat(stillFull.allowed()).isFalse();
    assertThat(stillFull.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(700));
  }

  @Test
  void twoLimitersOnOneRedisShareTheBudget() {
    RedisRateLimiter one = limiter(first, 4, MINUTE, Map.of());
    RedisRateLimiter other = limiter(second, 4, MINUTE, Map.of());
    String user = newUser();

    List<Boolean> allowed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      allowed.add(one.tryConsume(user).allowed());
      allowed.add(other.tryConsume(user).allowed());
    }

    assertThat(allowed).containsExactly(true, true, true, true, false, false);
  }

  @Test
  void concurrentRequestsAdmitExactlyTheLimit() throws Exception {
    RedisRateLimiter one = limiter(first, 10, MINUTE, Map.of());
    RedisRateLimiter other = limiter(second, 10, MINUTE, Map.of());
    String user = newUser();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        RedisRateLimiter limiter = i % 2 == 0 ? one : other;
        calls.add(() -> limiter.tryConsume(user).allowed());
      }
      long admitted = 0;
      for (Future<Boolean> result : pool.invokeAll(calls)) {
        admitted += result.get() ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anOverrideRaisesOneUsersLimitOnly() {
    String load = newUser();
    String other = newUser();
    RedisRateLimiter limiter = limiter(first, 2, MINUTE, Map.of(load, 5L));

    long loadAdmitted = 0;
    long otherAdmitted = 0;
    for (int i = 0; i < 7; i++) {
      loadAdmitted += limiter.tryConsume(load).allowed() ? 1 : 0;
      otherAdmitted += limiter.tryConsume(other).allowed() ? 1 : 0;
    }

    assertThat(loadAdmitted).isEqualTo(5);
    assertThat(otherAdmitted).isEqualTo(2);
    assertThat(limiter.tryConsume(load).limit()).isEqualTo(5);
    assertThat(limiter.limit()).isEqualTo(2);
  }

  @Test
  void theUsersKeyExpiresWithItsWindow() {
    RedisRateLimiter limiter = limiter(first, 2, Duration.ofMillis(800), Map.of());
    String user = newUser();
    limiter.tryConsume(user);

    Long ttl = first.template().getExpire(RedisRateLimiter.KEY_PREFIX + user,
        java.util.concurrent.TimeUnit.MILLISECONDS);

    assertThat(ttl).isPositive().isLessThanOrEqualTo(800);
    await().atMost(Duration.ofSeconds(5))
        .until(() -> !Boolean.TRUE.equals(first.template().hasKey(RedisRateLimiter.KEY_PREFIX + user)));
    assertThat(limiter.windowMillis()).isEqualTo(800);
  }
}
