package io.wasmhive.platform.executor;

import io.wasmhive.executor.EngineChoice;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.WasmFeature;
import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The executor's pool and module settings, under {@code wasm}; seed 004's variables set them by their old names
 * ({@code WASM_MAX_WORKERS} is {@code wasm.max-workers}, see {@link WasmVariablesEnvironmentPostProcessor}). A
 * setting left unset keeps executor-core's default ({@link ExecutorOptions}, where the defaults live); validated
 * when bound.
 *
 * @param maxWorkers most worker threads running guests at once ({@code WASM_MAX_WORKERS}; default 16)
 * @param initialWorkers workers started and kept warm from the start ({@code WASM_INITIAL_WORKERS}; default 4)
 * @param maxMemoryMb default {@code max_memory} of a task, in MiB, and the memory a worker's store may retain
 *     ({@code WASM_MAX_MEMORY_MB}; default 64)
 * @param idleTimeoutSecs seconds after which idle workers above the initial count retire
 *     ({@code WASM_IDLE_TIMEOUT_SECS}; default 300)
 * @param enableJit whether Wasmtime compiles with optimisations ({@code WASM_ENABLE_JIT}; default true)
 * @param cacheSize compiled modules kept in the LRU cache ({@code WASM_CACHE_SIZE}; default 1024)
 * @param batchSize most tasks one batch may hold ({@code WASM_BATCH_SIZE}; default 1000)
 * @param parallel whether a batch runs its tasks in parallel ({@code WASM_PARALLEL}; default true)
 * @param queueCapacity tasks that may wait for a worker before submissions are refused
 *     ({@code WASM_QUEUE_CAPACITY}; default 1024)
 * @param maxModuleBytes largest module accepted, in bytes ({@code WASM_MAX_MODULE_BYTES}; default 10 MiB)
 * @param maxTableElements most elements a table may hold ({@code WASM_MAX_TABLE_ELEMENTS}; default 10,000)
 * @param features changes to the WebAssembly proposals modules may use, e.g. {@code +simd,-reference_types}
 *     ({@code WASM_FEATURES}; default: what today's toolchains emit)
 * @param engine the engine guests run on, {@code wasmtime} or {@code chicory} ({@code WASM_ENGINE}; default
 *     {@code wasmtime}; {@code chicory} is pure Java and also runs where Wasmtime does not, e.g. Linux aarch64)
 */
@ConfigurationProperties("wasm")
public record WasmExecutorProperties(
    Integer maxWorkers,
    Integer initialWorkers,
    Integer maxMemoryMb,
    Integer idleTimeoutSecs,
    Boolean enableJit,
    Integer cacheSize,
    Integer batchSize,
    Boolean parallel,
    Integer queueCapacity,
    Long maxModuleBytes,
    Integer maxTableElements,
    String features,
    String engine) {

  /** Binds and validates: a setting executor-core refuses fails the binding, with executor-core's reason. */
  public WasmExecutorProperties(Integer maxWorkers, Integer initialWorkers, Integer maxMemoryMb,
      Integer idleTimeoutSecs, Boolean enableJit, Integer cacheSize, Integer batchSize, Boolean parallel,
      Integer queueCapacity, Long maxModuleBytes, Integer maxTableElements, String features, String engine) {
    // Not a compact constructor: options() reads the fields, which a compact constructor assigns only at its end.
    this.maxWorkers = maxWorkers;
    this.initialWorkers = initialWorkers;
    this.maxMemoryMb = maxMemoryMb;
    this.idleTimeoutSecs = idleTimeoutSecs;
    this.enableJit = enableJit;
    this.cacheSize = cacheSize;
    this.batchSize = batchSize;
    this.parallel = parallel;
    this.queueCapacity = queueCapacity;
    this.maxModuleBytes = maxModuleBytes;
    this.maxTableElements = maxTableElements;
    this.features = features;
    this.engine = engine;
    options(builder -> { });
  }

  /** No setting: executor-core's defaults. */
  public static WasmExecutorProperties defaults() {
    return new WasmExecutorProperties(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * Executor options with these settings on top of executor-core's defaults; {@code customizer} runs last, for
   * what only the service knows (the module source, policies).
   *
   * @throws IllegalArgumentException naming the first setting that is not valid
   */
  public ExecutorOptions options(Consumer<ExecutorOptions.Builder> customizer) {
    ExecutorOptions.Builder b = ExecutorOptions.builder();
    set(maxWorkers, b::maxWorkers);
    set(initialWorkers, b::initialWorkers);
    set(maxMemoryMb, b::maxMemoryMb);
    set(idleTimeoutSecs, secs -> b.idleTimeout(Duration.ofSeconds(secs)));
    set(enableJit, b::enableJit);
    set(cacheSize, b::cacheSize);
    set(batchSize, b::batchSize);
    set(parallel, b::parallel);
    set(queueCapacity, b::queueCapacity);
    set(maxModuleBytes, b::maxModuleBytes);
    set(maxTableElements, b::maxTableElements);
    if (features != null && !features.isBlank()) {
      b.features(WasmFeature.parse(features));
    }
    if (engine != null && !engine.isBlank()) {
      b.engine(EngineChoice.parse(engine));
    }
    customizer.accept(b);
    return b.build();
  }

  private static <T> void set(T value, Consumer<T> target) {
    if (value != null) {
      target.accept(value);
    }
  }
}
