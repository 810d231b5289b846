package io.wasmhive.procedure.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.config.ProcedureProperties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The service's meters. Calls are counted by procedure, database and outcome ({@code ok} or the error code);
 * latencies are timers with percentile histograms. Tags stay bounded: a call to a procedure that does not exist is
 * tagged {@value #OTHER} for both, {@link #databaseCap} stops new databases past
 * {@code procedure.metrics-max-databases}, and {@link #procedureCap} tags the calls of (procedure, database) pairs
 * past {@code procedure.metrics-max-procedures} with the procedure {@value #OTHER}: every metered pair keeps a timer
 * with a percentile histogram (a few KiB) for as long as the service runs, so without it the meters would grow with
 * every procedure ever called. The meters of a (procedure, database) pair are looked up in the registry
 * once and then kept ({@link CallMeters}), at most {@code procedure.cache-max-entries} pairs. Thread-safe; never
 * blocks.
 */
@Component
public class ProcedureMetrics {

  /**
   * The procedure and database tags of a call to a procedure that does not exist: the name and the
   * {@code X-Mindb-Database} header are the client's to choose, so an unknown pair must not multiply meters.
   */
  public static final String OTHER = "other";

  private final MeterRegistry registry;
  private final PairCap pairCap;
  private final CallMeters.Cache callMeters;
  private final Timer create;
  private final Timer compile;

  ProcedureMetrics(MeterRegistry registry, WasmExecutor executor, ProcedureProperties properties, PairCap pairCap) {
    this.registry = registry;
    this.pairCap = pairCap;
    this.callMeters = new CallMeters.Cache(registry, properties.cacheMaxEntries());
    this.create = Timer.builder("procedure.create.duration").description("Time to create or replace a procedure")
        .publishPercentileHistogram().register(registry);
    this.compile = Timer.builder("procedure.compile.duration")
        .description("Time the executor took to check and compile (or find cached) a module")
        .publishPercentileHistogram().register(registry);
    Gauge.builder("procedure.module.cache.hits", executor, e -> e.stats().cacheHits())
        .description("Executions and registrations served by the compiled-module cache").register(registry);
    Gauge.builder("procedure.module.cache.misses", executor, e -> e.stats().cacheMisses())
        .description("Registrations that had to compile").register(registry);
    Gauge.builder("procedure.module.cache.size", executor, e -> e.stats().cachedModules())
        .description("Compiled modules in the cache").register(registry);
  }

  /**
   * The cap on the databases the call meters are tagged with (Spring Boot applies {@link MeterFilter} beans to the
   * registry before any meter exists): past {@code max} distinct values, calls in further databases are not metered.
   */
  static MeterFilter databaseCap(int max) {
    return MeterFilter.maximumAllowableTags("procedure.call", "database", max, MeterFilter.deny());
  }

  /**
   * The cap on the (procedure, database) pairs with call meters of their own: the first {@code max} pairs to be
   * metered keep their procedure tag, the calls of any further pair are metered with the procedure {@value #OTHER}
   * (in its database, which {@link #databaseCap} still bounds). A pair stays admitted until its procedure is dropped
   * here ({@link #dropped}).
   */
  static PairCap procedureCap(int max) {
    return new PairCap(max);
  }

  /**
   * Forgets the call meters of a dropped procedure: its series leave the registry (and the scrape), and its place
   * under {@code procedure.metrics-max-procedures} is free for another. A call still running when the procedure was
   * dropped may register them again; they are then removed by the next drop of the name or stay within the cap.
   */
  public void dropped(String procedure, String database) {
    forget(registry, callMeters, pairCap, procedure, database);
  }

  static void forget(MeterRegistry registry, CallMeters.Cache callMeters, PairCap pairCap, String procedure,
      String database) {
    if (OTHER.equals(procedure)) {
      return;
    }
    callMeters.remove(procedure, database);
    for (String name : new String[] {"procedure.calls", "procedure.call.duration"}) {
      for (Meter meter : registry.find(name).tags("procedure", procedure, "database", database).meters()) {
        registry.remove(meter);
      }
    }
    pairCap.release(procedure, database);
  }

  /** Counts one call and records how long it took; the meters of a known (procedure, database) come from memory. */
  public void call(String procedure, String database, String outcome, long nanos) {
    CallMeters meters = callMeters.of(procedure, database);
    meters.outcome(outcome).increment();
    meters.duration().record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records how long a create (successful or refused) took. */
  public void create(long nanos) {
    create.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Runs a registration and records its time. */
  public <T> T timeCompile(Supplier<T> registration) {
    long start = System.nanoTime();
    try {
      return registration.get();
    } finally {
      compile.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }
}
