package io.wasmhive.procedure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The kept call meters are the registry's own: the same series as a look-up per call, the database cap still
 * applied, and at most the configured number of pairs kept.
 */
class CallMetersTest {

  @Test
  void keptMetersCountIntoTheRegistrysSeries() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CallMeters.Cache cache = new CallMeters.Cache(registry, 10);
    for (int i = 0; i < 3; i++) {
      CallMeters meters = cache.of("p", "db");
      meters.outcome("ok").increment();
      meters.duration().record(5, TimeUnit.MILLISECONDS);
    }
    cache.of("p", "db").outcome("TRAP").increment();
    assertThat(registry.get("procedure.calls").tags("procedure", "p", "database", "db", "outcome", "ok").counter()
        .count()).isEqualTo(3.0);
    assertThat(registry.get("procedure.calls").tags("outcome", "TRAP").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("procedure.call.duration").tags("procedure", "p", "database", "db").timer().count())
        .isEqualTo(3);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void theDatabaseCapStillDecidesWhatIsMetered() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(ProcedureMetrics.databaseCap(2));
    CallMeters.Cache cache = new CallMeters.Cache(registry, 10);
    for (String database : new String[] {"a", "b", "c"}) {
      cache.of("p", database).outcome("ok").increment();
      cache.of("p", database).outcome("ok").increment();
    }
    assertThat(registry.find("procedure.calls").counters()).hasSize(2);
    assertThat(registry.find("procedure.calls").tag("database", "c").counters()).isEmpty();
    assertThat(registry.get("procedure.calls").tags("database", "b").counter().count()).isEqualTo(2.0);
  }

  @Test
  void pairsPastTheBoundAreMeteredWithoutBeingKept() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CallMeters.Cache cache = new CallMeters.Cache(registry, 2);
    for (int i = 0; i < 5; i++) {
      cache.of("p" + i, "db").outcome("ok").increment();
      cache.of("p" + i, "db").outcome("ok").increment();
    }
    assertThat(cache.size()).isEqualTo(2);
    assertThat(registry.get("procedure.calls").tags("procedure", "p4").counter().count()).isEqualTo(2.0);
    assertThat(registry.find("procedure.calls").counters()).hasSize(5);
  }
}
