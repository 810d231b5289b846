package io.wasmhive.workflow.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scheduled workflows are driven ({@code workflow.schedule.*}).
 *
 * @param tick how often the instance holding the lease looks for due schedules (at least 10 ms)
 * @param lease how long the lease lasts without renewal (it is renewed every tick); must exceed the tick, and is
 *     how long a dead leader's due runs wait for another instance
 * @param batch the most due schedules fired in one tick
 * @param enabled whether this instance takes part in scheduling (it still answers pause, resume and cancel)
 * @param leaseKey the Redis key of the lease
 */
@ConfigurationProperties("workflow.schedule")
record ScheduleProperties(
    @DefaultValue("1s") Duration tick,
    @DefaultValue("10s") Duration lease,
    @DefaultValue("100") int batch,
    @DefaultValue("true") boolean enabled,
    @DefaultValue("workflow:schedule:leader") String leaseKey) {

  ScheduleProperties {
    if (tick.toMillis() < 10) {
      throw new IllegalArgumentException("workflow.schedule.tick must be at least 10ms, was " + tick);
    }
    if (lease.compareTo(tick.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("workflow.schedule.lease must be at least twice the tick (" + tick
          + "), was " + lease);
    }
    if (batch < 1 || batch > 10_000) {
      throw new IllegalArgumentException("workflow.schedule.batch must be 1-10000, was " + batch);
    }
  }
}
