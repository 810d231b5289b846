package io.wasmhive.procedure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The (procedure, database) pairs with call meters of their own stop at the cap: at it every pair keeps its procedure
 * tag, past it the calls are metered as the procedure {@code other}, so the meters stop growing with the procedures
 * called (the soak's finding, docs/reliability.md).
 */
class ProcedureCapTest {

  @Test
  void pairsAreMeteredOnTheirOwnUpToTheCapAndAsOtherPastIt() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(ProcedureMetrics.procedureCap(3));
    CallMeters.Cache cache = new CallMeters.Cache(registry, 100);
    for (String pair : new String[] {"p/a", "q/a", "p/b"}) {
      String[] parts = pair.split("/");
      cache.of(parts[0], parts[1]).outcome("ok").increment();
    }
    assertThat(registry.find("procedure.calls").counters()).hasSize(3);
    assertThat(registry.find("procedure.call.duration").timers()).hasSize(3);

    cache.of("r", "a").outcome("ok").increment();
    cache.of("s", "a").outcome("ok").increment();
    cache.of("s", "a").duration().record(2, TimeUnit.MILLISECONDS);
    cache.of("q", "b").outcome("TRAP").increment();
    assertThat(registry.find("procedure.calls").tag("procedure", "r").counters()).isEmpty();
    assertThat(registry.get("procedure.calls").tags("procedure", "other", "database", "a", "outcome", "ok").counter()
        .count()).isEqualTo(2.0);
    assertThat(registry.get("procedure.calls").tags("procedure", "other", "database", "b", "outcome", "TRAP")
        .counter().count()).isEqualTo(1.0);
    assertThat(registry.get("procedure.call.duration").tags("procedure", "other", "database", "a").timer().count())
        .isEqualTo(1);
    // The admitted pairs keep their own series, also for outcomes first seen after the cap was reached.
    cache.of("q", "a").outcome("TRAP").increment();
    assertThat(registry.get("procedure.calls").tags("procedure", "q", "database", "a", "outcome", "TRAP").counter()
        .count()).isEqualTo(1.0);
    assertThat(registry.find("procedure.call.duration").timers()).hasSize(5);
  }

  @Test
  void manyProceduresLeaveABoundedNumberOfMeters() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(ProcedureMetrics.procedureCap(50));
    registry.config().meterFilter(ProcedureMetrics.databaseCap(10));
    CallMeters.Cache cache = new CallMeters.Cache(registry, 20);
    for (int i = 0; i < 5_000; i++) {
      CallMeters meters = cache.of("proc_" + i, "db-" + i % 7);
      meters.outcome("ok").increment();
      meters.duration().record(1, TimeUnit.MILLISECONDS);
    }
    // 50 admitted pairs plus one `other` series in each of the 7 databases.
    assertThat(registry.find("procedure.call.duration").timers()).hasSize(57);
    assertThat(registry.find("procedure.calls").counters()).hasSize(57);
    double total = registry.find("procedure.calls").counters().stream().mapToDouble(c -> c.count()).sum();
    assertThat(total).isEqualTo(5_000.0);
  }

  @Test
  void aDroppedProcedureFreesItsPlaceAndItsSeries() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PairCap cap = ProcedureMetrics.procedureCap(2);
    registry.config().meterFilter(cap);
    CallMeters.Cache cache = new CallMeters.Cache(registry, 100);
    cache.of("p", "a").outcome("ok").increment();
    cache.of("q", "a").outcome("ok").increment();
    cache.of("r", "a").outcome("ok").increment();
    assertThat(registry.find("procedure.calls").tag("procedure", "other").counters()).hasSize(1);

    ProcedureMetrics.forget(registry, cache, cap, "p", "a");
    assertThat(registry.find("procedure.calls").tag("procedure", "p").counters()).isEmpty();
    assertThat(registry.find("procedure.call.duration").tag("procedure", "p").timers()).isEmpty();
    assertThat(cap.admitted()).isEqualTo(1);
    // The freed place goes to the next new pair; `other` and the remaining pair are untouched.
    cache.of("s", "a").outcome("ok").increment();
    assertThat(registry.get("procedure.calls").tags("procedure", "s").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("procedure.calls").tags("procedure", "q").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("procedure.calls").tags("procedure", "other").counter().count()).isEqualTo(1.0);
    ProcedureMetrics.forget(registry, cache, cap, ProcedureMetrics.OTHER, "a");
    assertThat(registry.get("procedure.calls").tags("procedure", "other").counter().count()).isEqualTo(1.0);
  }

  @Test
  void otherMetersAndTheServicesOtherMetersAreLeftAlone() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(ProcedureMetrics.procedureCap(1));
    registry.counter("procedure.calls", "procedure", "p", "database", "a").increment();
    registry.counter("procedure.calls", "procedure", ProcedureMetrics.OTHER, "database", "a").increment();
    registry.timer("procedure.create.duration").record(1, TimeUnit.MILLISECONDS);
    registry.counter("procedure.calls", "procedure", "q", "database", "a").increment();
    assertThat(registry.get("procedure.calls").tags("procedure", "other").counter().count()).isEqualTo(2.0);
    assertThat(registry.get("procedure.calls").tags("procedure", "p").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("procedure.create.duration").timer().count()).isEqualTo(1);
  }
}
