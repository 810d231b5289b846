package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code workflow.schedule.events.*} bounds, each at and past its edge. */
class TriggerPropertiesTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void eachBoundHoldsAtItsEdgeAndIsRefusedPastIt() {
    TriggerProperties edges = new TriggerProperties(true, Duration.ofMillis(10), 1000, 100_000, 1, 10_000,
        Duration.ofMillis(10));
    assertThat(edges.confirmations()).isEqualTo(1000);
    assertThat(new TriggerProperties(true, SECOND, 0, 1, 1, 1, SECOND).confirmations()).isZero();

    assertThatThrownBy(() -> new TriggerProperties(true, Duration.ofMillis(9), 1, 1, 1, 1, SECOND))
        .hasMessage("workflow.schedule.events.poll-interval must be at least 10ms, was PT0.009S");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, -1, 1, 1, 1, SECOND))
        .hasMessage("workflow.schedule.events.confirmations must be 0-1000, was -1");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, 1001, 1, 1, 1, SECOND))
        .hasMessage("workflow.schedule.events.confirmations must be 0-1000, was 1001");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, 1, 0, 1, 1, SECOND))
        .hasMessage("workflow.schedule.events.max-block-range must be 1-100000, was 0");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, 1, 100_001, 1, 1, SECOND))
        .hasMessage("workflow.schedule.events.max-block-range must be 1-100000, was 100001");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, 1, 1, 0, 1, SECOND))
        .hasMessage("workflow.schedule.events.max-ranges-per-poll must be at least 1");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, 1, 1, 1, 0, SECOND))
        .hasMessage("workflow.schedule.events.batch must be 1-10000, was 0");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, 1, 1, 1, 10_001, SECOND))
        .hasMessage("workflow.schedule.events.batch must be 1-10000, was 10001");
    assertThatThrownBy(() -> new TriggerProperties(true, SECOND, 1, 1, 1, 1, Duration.ofMillis(999)))
        .hasMessage("workflow.schedule.events.max-backoff must not be below poll-interval");
  }
}
