package io.wasmhive.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code workflow.schedule.*} bounds, each at and past its edge. */
class SchedulePropertiesTest {

  private static final String KEY = "workflow:schedule:leader";

  @Test
  void theTickIsAtLeastTenMilliseconds() {
    assertThat(new ScheduleProperties(Duration.ofMillis(10), Duration.ofMillis(20), 1, true, KEY).tick())
        .isEqualTo(Duration.ofMillis(10));
    assertThatThrownBy(() -> new ScheduleProperties(Duration.ofMillis(9), Duration.ofSeconds(1), 1, true, KEY))
        .hasMessage("workflow.schedule.tick must be at least 10ms, was PT0.009S");
  }

  @Test
  void theLeaseIsAtLeastTwoTicks() {
    assertThat(new ScheduleProperties(Duration.ofSeconds(1), Duration.ofSeconds(2), 1, true, KEY).lease())
        .isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> new ScheduleProperties(Duration.ofSeconds(1), Duration.ofMillis(1999), 1, true, KEY))
        .hasMessage("workflow.schedule.lease must be at least twice the tick (PT1S), was PT1.999S");
  }

  @Test
  void theBatchIsOneToTenThousand() {
    Duration tick = Duration.ofSeconds(1);
    Duration lease = Duration.ofSeconds(10);
    assertThat(new ScheduleProperties(tick, lease, 1, true, KEY).batch()).isEqualTo(1);
    assertThat(new ScheduleProperties(tick, lease, 10_000, true, KEY).batch()).isEqualTo(10_000);
    assertThatThrownBy(() -> new ScheduleProperties(tick, lease, 0, true, KEY))
        .hasMessage("workflow.schedule.batch must be 1-10000, was 0");
    assertThatThrownBy(() -> new ScheduleProperties(tick, lease, 10_001, true, KEY))
        .hasMessage("workflow.schedule.batch must be 1-10000, was 10001");
  }
}
