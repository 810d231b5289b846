package io.wasmhive.relay.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-process fallback limiter on a clock the test moves, so that the window's edges are exact. */
class LocalSlidingWindowTest {

  private static final Duration WINDOW = Duration.ofSeconds(60);

  private final AtomicLong clock = new AtomicLong(-5_000_000_000L);

  private final LocalSlidingWindow window = new LocalSlidingWindow(WINDOW, clock::get);

  @Test
  void admitsExactlyTheLimitThenRefusesWithTheTimeUntilTheOldestLeaves() {
    for (long i = 1; i <= 3; i++) {
      RateLimitDecision decision = window.tryConsume("ana", 3);
      assertThat(decision.allowed()).isTrue();
      assertThat(decision.remaining()).isEqualTo(3 - i);
      assertThat(decision.retryAfter()).isZero();
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
    }
    RateLimitDecision refused = window.tryConsume("ana", 3);

    assertThat(refused).isEqualTo(new RateLimitDecision(false, 3, 0, Duration.ofSeconds(57)));
  }

  @Test
  void aRequestCountsUntilExactlyOneWindowHasPassed() {
    window.tryConsume("ana", 1);

    clock.addAndGet(WINDOW.toNanos() - 1);
    RateLimitDecision justBefore = window.tryConsume("ana", 1);
    clock.addAndGet(1);
    RateLimitDecision atTheEdge = window.tryConsume("ana", 1);

    assertThat(justBefore.allowed()).isFalse();
    assertThat(justBefore.retryAfter()).isEqualTo(Duration.ofNanos(1));
    assertThat(atTheEdge.allowed()).isTrue();
  }

  @Test
  void theWindowSlidesRequestByRequestRatherThanResettingAtOnce() {
    window.tryConsume("ana", 2);
    clock.addAndGet(Duration.ofSeconds(30).toNanos());
    window.tryConsume("ana", 2);
    clock.addAndGet(Duration.ofSeconds(30).toNanos());

    assertThat(window.tryConsume("ana", 2).allowed()).isTrue();
    RateLimitDecision refused = window.tryConsume("ana", 2);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void usersHaveSeparateBudgets() {
    assertThat(window.tryConsume("ana", 1).allowed()).isTrue();
    assertThat(window.tryConsume("ana", 1).allowed()).isFalse();
    assertThat(window.tryConsume("ben", 1).allowed()).isTrue();
  }

  @Test
  void aLoweredLimitWaitsUntilEnoughRequestsHaveLeft() {
    for (int i = 0; i < 4; i++) {
      window.tryConsume("ana", 4);
      clock.addAndGet(Duration.ofSeconds(1).toNanos());
    }

    RateLimitDecision refused = window.tryConsume("ana", 2);

    // Admitted at 0, 1, 2 and 3 s, now 4 s: three must leave to get below 2, the third does at 62 s.
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(58));
  }

  @Test
  void theSweepDropsUsersIdleForAWindowAndKeepsActiveOnes() {
    window.tryConsume("idle", 5);
    clock.addAndGet(WINDOW.toNanos());
    window.tryConsume("active", 5);

    window.sweep();

    assertThat(window.users()).isEqualTo(1);
    assertThat(window.tryConsume("active", 2).remaining()).isZero();
  }
}
