package io.wasmhive.procedure.config;

import io.wasmhive.executor.ExecutorOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of procedure-service ({@code procedure.*}). Defaults live here and only here; validated when bound.
 *
 * @param maxBodySize the largest request body accepted; larger bodies are refused with 413
 * @param maxModuleSize the largest WebAssembly module accepted, after base64 decoding
 * @param defaultDatabase the database used when a request carries no {@code X-Mindb-Database} header
 * @param defaults the limits a procedure gets when it declares none (seed 003: 100 MB and 5 s)
 * @param maxima the largest limits a procedure may declare
 * @param cacheRevalidate how old a cached procedure may get before a call reads it again from MongoDB: the
 *     longest time a replace or drop made by another instance goes unseen here ({@code 0} reads every call)
 * @param cacheMaxEntries how many procedures the in-memory cache holds at most
 * @param warmModules how many modules (of the most recently updated procedures) are compiled in the
 *     background when the service starts, so that their first call does not pay for compiling; 0 disables
 * @param metricsMaxDatabases how many distinct databases the call meters are tagged with at most; calls in further
 *     databases are not metered (tags are bounded whatever clients send)
 * @param metricsMaxProcedures how many distinct (procedure, database) pairs get call meters of their own at most;
 *     the calls of further pairs are metered with the procedure tag {@code other}
 * @param maxProceduresPerTenant how many procedures one tenant may have in all its databases together; the create
 *     that would pass it is refused with 409 {@code PROCEDURE_LIMIT_REACHED}
 */
@ConfigurationProperties("procedure")
public record ProcedureProperties(
    @DefaultValue("16MB") DataSize maxBodySize,
    @DefaultValue("10MB") DataSize maxModuleSize,
    @DefaultValue("default") String defaultDatabase,
    @DefaultValue Defaults defaults,
    @DefaultValue Maxima maxima,
    @DefaultValue("1s") Duration cacheRevalidate,
    @DefaultValue("10000") int cacheMaxEntries,
    @DefaultValue("256") int warmModules,
    @DefaultValue("1000") int metricsMaxDatabases,
    @DefaultValue("1000") int metricsMaxProcedures,
    @DefaultValue("1000") int maxProceduresPerTenant) {

  public ProcedureProperties {
    require(maxBodySize.toBytes() > 0, "procedure.max-body-size must be positive");
    require(maxModuleSize.toBytes() >= 8, "procedure.max-module-size must be at least 8 bytes");
    require(defaultDatabase != null && !defaultDatabase.isBlank(), "procedure.default-database must not be blank");
    require(maxima.maxMemory().toBytes() <= ExecutorOptions.MAX_MEMORY_LIMIT,
        "procedure.maxima.max-memory must not exceed " + ExecutorOptions.MAX_MEMORY_LIMIT + " bytes");
    require(defaults.maxMemory().toBytes() <= maxima.maxMemory().toBytes()
            && defaults.maxTime().compareTo(maxima.maxTime()) <= 0 && defaults.maxGas() <= maxima.maxGas(),
        "procedure.defaults must lie within procedure.maxima");
    require(!cacheRevalidate.isNegative(), "procedure.cache-revalidate must not be negative");
    require(cacheMaxEntries > 0, "procedure.cache-max-entries must be positive");
    require(warmModules >= 0, "procedure.warm-modules must not be negative");
    require(metricsMaxDatabases > 0, "procedure.metrics-max-databases must be positive");
    require(metricsMaxProcedures > 0, "procedure.metrics-max-procedures must be positive");
    require(maxProceduresPerTenant > 0, "procedure.max-procedures-per-tenant must be positive");
  }

  /**
   * The limits of a procedure that declares none.
   *
   * @param maxMemory linear memory a call may use
   * @param maxTime wall-clock time a call may take
   * @param maxGas gas a call may consume
   */
  public record Defaults(
      @DefaultValue("100MB") DataSize maxMemory,
      @DefaultValue("5s") Duration maxTime,
      @DefaultValue("10000000000") long maxGas) {

    public Defaults {
      requirePositive(maxMemory, maxTime, maxGas, "procedure.defaults");
    }
  }

  /**
   * The largest limits a procedure may declare; also the executor's maximum policy.
   *
   * @param maxMemory linear memory a call may use
   * @param maxTime wall-clock time a call may take
   * @param maxGas gas a call may consume
   */
  public record Maxima(
      @DefaultValue("1GB") DataSize maxMemory,
      @DefaultValue("60s") Duration maxTime,
      @DefaultValue("1000000000000") long maxGas) {

    public Maxima {
      requirePositive(maxMemory, maxTime, maxGas, "procedure.maxima");
    }
  }

  private static void requirePositive(DataSize memory, Duration time, long gas, String prefix) {
    require(memory.toBytes() > 0 && time.toMillis() > 0 && gas > 0,
        prefix + ".max-memory, max-time and max-gas must be positive");
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
