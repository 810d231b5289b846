package io.wasmhive.relay.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

  private static final long MS = 1_000_000;

  @Test
  void passesOneReportPerIntervalAtItsEdgeAndClamps() {
    AtomicLong now = new AtomicLong(1_000 * MS);
    List<Integer> passed = new ArrayList<>();
    ProgressThrottle throttle = new ProgressThrottle(passed::add, 100 * MS, now::get);
    throttle.accept(-5);            // first: always, clamped to 0
    now.addAndGet(99 * MS);
    throttle.accept(10);            // 99 ms later: dropped
    now.addAndGet(MS);
    throttle.accept(20);            // 100 ms after the last passed: passes
    throttle.accept(30);            // same instant: dropped
    now.addAndGet(150 * MS);
    throttle.accept(250);           // clamped to 100
    assertThat(passed).containsExactly(0, 20, 100);
  }
}
