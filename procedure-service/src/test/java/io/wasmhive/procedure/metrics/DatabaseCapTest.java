package io.wasmhive.procedure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The database tags of the call meters stop at the cap: at it every database is metered, past it none is added. */
class DatabaseCapTest {

  @Test
  void databasesAreMeteredUpToTheCapAndNotPastIt() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(ProcedureMetrics.databaseCap(3));
    for (int i = 0; i < 3; i++) {
      registry.counter("procedure.calls", "database", "db-" + i, "procedure", "p").increment();
    }
    assertThat(registry.find("procedure.calls").counters()).hasSize(3);
    registry.counter("procedure.calls", "database", "db-3", "procedure", "p").increment();
    registry.timer("procedure.call.duration", "database", "db-4", "procedure", "p");
    assertThat(registry.find("procedure.calls").counters()).hasSize(3);
    assertThat(registry.find("procedure.call.duration").timers()).isEmpty();
    registry.counter("procedure.calls", "database", "db-0", "procedure", "q").increment();
    assertThat(registry.find("procedure.calls").tag("database", "db-0").counters()).hasSize(2);
    assertThat(registry.find("procedure.create.duration").timers()).isEmpty();
  }
}
