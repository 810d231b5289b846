package io.wasmhive.procedure.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The call meters of one (procedure, database) pair: its duration timer and its counters by outcome. Registering a
 * meter builds its id and runs the registry's filters on every call; kept here, a call only increments and records.
 * The meters are the registry's own (the same ids, tags and filters, a no-op one where the database cap denies it).
 * Thread-safe; never blocks.
 */
final class CallMeters {

  /** Outcomes are {@code ok} and the error codes: a few dozen at most, so the map per pair stays small. */
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final MeterRegistry registry;
  private final String procedure;
  private final String database;
  private final Timer duration;

  private CallMeters(MeterRegistry registry, String procedure, String database) {
    this.registry = registry;
    this.procedure = procedure;
    this.database = database;
    this.duration = Timer.builder("procedure.call.duration").description("Time a procedure call took, conversions included")
        .tags("procedure", procedure, "database", database).publishPercentileHistogram().register(registry);
  }

  Timer duration() {
    return duration;
  }

  Counter outcome(String outcome) {
    Counter counter = outcomes.get(outcome);
    return counter != null ? counter : outcomes.computeIfAbsent(outcome, o -> Counter.builder("procedure.calls")
        .description("Procedure calls by outcome")
        .tags("procedure", procedure, "database", database, "outcome", o).register(registry));
  }

  private record Pair(String procedure, String database) {
  }

  /**
   * The kept meters, at most {@code maxPairs} pairs; past that, a pair's meters are looked up in the registry on
   * each call (correct, only slower), so what clients send cannot grow this map. Thread-safe; never blocks.
   */
  static final class Cache {

    private final Map<Pair, CallMeters> pairs = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final int maxPairs;

    Cache(MeterRegistry registry, int maxPairs) {
      this.registry = registry;
      this.maxPairs = maxPairs;
    }

    CallMeters of(String procedure, String database) {
      Pair pair = new Pair(procedure, database);
      CallMeters meters = pairs.get(pair);
      if (meters != null) {
        return meters;
      }
      if (pairs.size() >= maxPairs) {
        return new CallMeters(registry, procedure, database);
      }
      return pairs.computeIfAbsent(pair, p -> new CallMeters(registry, p.procedure(), p.database()));
    }

    /** Forgets the pair's meters (its procedure was dropped). */
    void remove(String procedure, String database) {
      pairs.remove(new Pair(procedure, database));
    }

    int size() {
      return pairs.size();
    }
  }
}
