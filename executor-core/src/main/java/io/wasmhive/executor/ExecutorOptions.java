package io.wasmhive.executor;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Immutable settings of a {@link WasmExecutor}: the pool (seed 004's {@code WasmPoolConfig}), the module
 * rules, the default and maximum {@link Policy}. Defaults live here and only here; {@link #fromEnvironment}
 * reads the seed's environment variables. Validated when built.
 */
public final class ExecutorOptions {

  /** Seed 000: modules are limited to 10 MiB. */
  public static final long DEFAULT_MAX_MODULE_BYTES = 10L * 1024 * 1024;
  /** Seed 000: outputs are limited to 256 KiB. */
  public static final long DEFAULT_MAX_OUTPUT = 256L * 1024;
  /** The largest {@code max_memory} a server may allow: 32767 pages, the most a host-side ByteBuffer can view. */
  public static final long MAX_MEMORY_LIMIT = 32767L * 65536;
  /** Seed 000: executions time out after 2 s by default. */
  public static final long DEFAULT_MAX_TIME_MS = 2_000;
  /** Default gas: about 10^9 cheap instructions, roughly a second of compute. */
  public static final long DEFAULT_MAX_GAS = 1_000_000_000L;
  /** Seed 004's resource limiter: tables may hold at most 10,000 elements. */
  public static final int DEFAULT_MAX_TABLE_ELEMENTS = 10_000;
  /** The variables {@link #fromEnvironment} reads: seed 004's, plus queue capacity, module size, table cap and features. */
  public static final List<String> VARIABLES = List.of("WASM_MAX_WORKERS", "WASM_INITIAL_WORKERS",
      "WASM_MAX_MEMORY_MB", "WASM_IDLE_TIMEOUT_SECS", "WASM_ENABLE_JIT", "WASM_CACHE_SIZE", "WASM_BATCH_SIZE",
      "WASM_PARALLEL", "WASM_QUEUE_CAPACITY", "WASM_MAX_MODULE_BYTES", "WASM_MAX_TABLE_ELEMENTS",
      "WASM_FEATURES", "WASM_ENGINE");

  private final int maxWorkers;
  private final int initialWorkers;
  private final int maxMemoryMb;
  private final Duration idleTimeout;
  private final boolean enableJit;
  private final int cacheSize;
  private final int batchSize;
  private final boolean parallel;
  private final int queueCapacity;
  private final long maxModuleBytes;
  private final int maxTableElements;
  private final Set<WasmFeature> features;
  private final Policy defaultPolicy;
  private final Policy maxPolicy;
  private final long maxWasmStack;
  private final long workerStackBytes;
  private final Duration epochTick;
  private final RpcHandler rpcHandler;
  private final ModuleSource moduleSource;
  private final EngineChoice engine;

  private ExecutorOptions(Builder b) {
    this.maxWorkers = b.maxWorkers;
    this.initialWorkers = b.initialWorkers;
    this.maxMemoryMb = b.maxMemoryMb;
    this.idleTimeout = b.idleTimeout;
    this.enableJit = b.enableJit;
    this.cacheSize = b.cacheSize;
    this.batchSize = b.batchSize;
    this.parallel = b.parallel;
    this.queueCapacity = b.queueCapacity;
    this.maxModuleBytes = b.maxModuleBytes;
    this.maxTableElements = b.maxTableElements;
    this.features = Set.copyOf(b.features);
    this.maxPolicy = b.maxPolicy;
    Policy builtIn = new Policy((long) maxMemoryMb * 1024 * 1024, DEFAULT_MAX_GAS, DEFAULT_MAX_TIME_MS, DEFAULT_MAX_OUTPUT);
    this.defaultPolicy = b.defaultPolicy == null ? builtIn : b.defaultPolicy.orDefaults(builtIn);
    this.maxWasmStack = b.maxWasmStack;
    this.workerStackBytes = b.workerStackBytes;
    this.epochTick = b.epochTick;
    this.rpcHandler = b.rpcHandler;
    this.moduleSource = b.moduleSource;
    this.engine = b.engine;
    validate();
  }

  private void validate() {
    require(maxWorkers >= 1, "max_workers must be at least 1");
    require(initialWorkers >= 0 && initialWorkers <= maxWorkers, "initial_workers must be between 0 and max_workers");
    require(maxMemoryMb >= 1, "max_memory_mb must be at least 1");
    require(!idleTimeout.isNegative(), "idle_timeout must not be negative");
    require(cacheSize >= 1, "cache_size must be at least 1");
    require(batchSize >= 1, "batch_size must be at least 1");
    require(queueCapacity >= 1, "queue_capacity must be at least 1");
    require(maxModuleBytes >= 8, "max_module_bytes must be at least 8");
    require(maxTableElements >= 0, "max_table_elements must not be negative");
    for (WasmFeature f : features) {
      require(f.engineSupported(), "feature " + f.settingName() + " is not supported by the bundled Wasmtime 7.0.1");
    }
    require(maxPolicy.maxMemory() > 0 && maxPolicy.maxGas() > 0 && maxPolicy.maxTime() > 0 && maxPolicy.maxOutput() > 0,
        "every maximum of the policy must be positive");
    require(workerStackBytes >= 2 * maxWasmStack, "the worker stack must be at least twice the guest stack");
    // The host sees guest memory through a ByteBuffer, whose capacity is an int.
    require(maxPolicy.maxMemory() <= MAX_MEMORY_LIMIT, "the maximum max_memory is " + MAX_MEMORY_LIMIT + " bytes (2 GiB - 64 KiB)");
    try {
      defaultPolicy.checkWithin(maxPolicy);
    } catch (InvalidTaskException e) {
      throw new IllegalArgumentException("default policy: " + e.getMessage(), e);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A builder with every default. */
  public static Builder builder() {
    return new Builder();
  }

  /** All defaults. */
  public static ExecutorOptions defaults() {
    return builder().build();
  }

  /**
   * The defaults overridden by seed 004's variables ({@code WASM_MAX_WORKERS}, {@code WASM_INITIAL_WORKERS},
   * {@code WASM_MAX_MEMORY_MB}, {@code WASM_IDLE_TIMEOUT_SECS}, {@code WASM_ENABLE_JIT}, {@code WASM_CACHE_SIZE},
   * {@code WASM_BATCH_SIZE}, {@code WASM_PARALLEL}) and {@code WASM_QUEUE_CAPACITY}, {@code WASM_MAX_MODULE_BYTES},
   * {@code WASM_MAX_TABLE_ELEMENTS}, {@code WASM_FEATURES} (see {@link WasmFeature#parse}) and {@code WASM_ENGINE}
   * (see {@link EngineChoice#parse}).
   *
   * @throws IllegalArgumentException naming the variable whose value is not valid
   */
  public static ExecutorOptions fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, b -> { });
  }

  /** As {@link #fromEnvironment(Map)}, with further settings applied before building. */
  public static ExecutorOptions fromEnvironment(Map<String, String> env, Consumer<Builder> customizer) {
    Builder b = builder();
    EnvReader r = new EnvReader(env);
    r.integer("WASM_MAX_WORKERS", b::maxWorkers);
    r.integer("WASM_INITIAL_WORKERS", b::initialWorkers);
    r.integer("WASM_MAX_MEMORY_MB", b::maxMemoryMb);
    r.integer("WASM_IDLE_TIMEOUT_SECS", v -> b.idleTimeout(Duration.ofSeconds(v)));
    r.bool("WASM_ENABLE_JIT", b::enableJit);
    r.integer("WASM_CACHE_SIZE", b::cacheSize);
    r.integer("WASM_BATCH_SIZE", b::batchSize);
    r.bool("WASM_PARALLEL", b::parallel);
    r.integer("WASM_QUEUE_CAPACITY", b::queueCapacity);
    r.integer("WASM_MAX_MODULE_BYTES", v -> b.maxModuleBytes(v));
    r.integer("WASM_MAX_TABLE_ELEMENTS", b::maxTableElements);
    String features = env.get("WASM_FEATURES");
    if (features != null && !features.isBlank()) {
      b.features(WasmFeature.parse(features));
    }
    String engine = env.get("WASM_ENGINE");
    if (engine != null && !engine.isBlank()) {
      b.engine(EngineChoice.parse(engine));
    }
    customizer.accept(b);
    return b.build();
  }

  /** Most workers (threads) running guests at once. Seed default 16. */
  public int maxWorkers() { return maxWorkers; }

  /** Workers started and kept warm from the start. Seed default 4. */
  public int initialWorkers() { return initialWorkers; }

  /** Memory per worker in MiB: the default {@code max_memory} and what a worker's store may retain. Seed default 64. */
  public int maxMemoryMb() { return maxMemoryMb; }

  /** How long a worker above {@link #initialWorkers()} may stay idle before it is stopped. Seed default 300 s. */
  public Duration idleTimeout() { return idleTimeout; }

  /** Optimising compilation (Cranelift {@code speed}); off compiles faster and runs slower. Seed default true. */
  public boolean enableJit() { return enableJit; }

  /** Compiled modules kept in the LRU cache. */
  public int cacheSize() { return cacheSize; }

  /** Most tasks one batch may hold. */
  public int batchSize() { return batchSize; }

  /** Whether a batch runs its tasks in parallel on the pool (else one after another). */
  public boolean parallel() { return parallel; }

  /** Tasks that may wait for a worker; beyond it submissions fail with {@link OverloadedException}. */
  public int queueCapacity() { return queueCapacity; }

  /** Largest module accepted, in bytes. Default 10 MiB. */
  public long maxModuleBytes() { return maxModuleBytes; }

  /**
   * Most elements a table may ever hold: declared maxima are lowered to it and a larger initial size is
   * refused at registration. Seed 004's default 10,000.
   */
  public int maxTableElements() { return maxTableElements; }

  /** WebAssembly proposals modules may use. Default {@link WasmFeature#defaults()}. */
  public Set<WasmFeature> features() { return features; }

  /** The policy applied to fields a task leaves unset. */
  public Policy defaultPolicy() { return defaultPolicy; }

  /** The server maxima a task's policy must stay within. */
  public Policy maxPolicy() { return maxPolicy; }

  /** Native stack bytes guest code may use before a stack-overflow trap (Wasmtime; Chicory uses the worker stack). */
  public long maxWasmStack() { return maxWasmStack; }

  /**
   * Stack size of worker threads; must leave room for the guest stack and host frames. On Chicory guest frames are
   * JVM frames on this stack, so it bounds the recursion depth there (a StackOverflowError becomes a trap).
   */
  public long workerStackBytes() { return workerStackBytes; }

  /** Precision of {@code max_time} enforcement: Wasmtime's epoch tick, Chicory's deadline ticker period. */
  public Duration epochTick() { return epochTick; }

  /** The RPC handler for tasks that bring none. */
  public RpcHandler rpcHandler() { return rpcHandler; }

  /** Where modules missing from the cache are read from. Default {@link ModuleSource#NONE}. */
  public ModuleSource moduleSource() { return moduleSource; }

  /** The engine guests run on ({@code WASM_ENGINE}). Default {@link EngineChoice#WASMTIME}. */
  public EngineChoice engine() { return engine; }

  /** Builds {@link ExecutorOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxWorkers = 16;
    private int initialWorkers = 4;
    private int maxMemoryMb = 64;
    private Duration idleTimeout = Duration.ofSeconds(300);
    private boolean enableJit = true;
    private int cacheSize = 1024;
    private int batchSize = 1000;
    private boolean parallel = true;
    private int queueCapacity = 1024;
    private long maxModuleBytes = DEFAULT_MAX_MODULE_BYTES;
    private int maxTableElements = DEFAULT_MAX_TABLE_ELEMENTS;
    private Set<WasmFeature> features = WasmFeature.defaults();
    private Policy defaultPolicy;
    private Policy maxPolicy = new Policy(1024L * 1024 * 1024, 1_000_000_000_000L, 60_000, 16L * 1024 * 1024);
    private long maxWasmStack = 512 * 1024;
    private long workerStackBytes = 8L * 1024 * 1024;
    private Duration epochTick = Duration.ofMillis(2);
    private RpcHandler rpcHandler = RpcHandler.UNAVAILABLE;
    private ModuleSource moduleSource = ModuleSource.NONE;
    private EngineChoice engine = EngineChoice.WASMTIME;

    private Builder() {
    }

    public Builder maxWorkers(int v) { this.maxWorkers = v; return this; }

    public Builder initialWorkers(int v) { this.initialWorkers = v; return this; }

    public Builder maxMemoryMb(int v) { this.maxMemoryMb = v; return this; }

    public Builder idleTimeout(Duration v) { this.idleTimeout = Objects.requireNonNull(v); return this; }

    public Builder enableJit(boolean v) { this.enableJit = v; return this; }

    public Builder cacheSize(int v) { this.cacheSize = v; return this; }

    public Builder batchSize(int v) { this.batchSize = v; return this; }

    public Builder parallel(boolean v) { this.parallel = v; return this; }

    public Builder queueCapacity(int v) { this.queueCapacity = v; return this; }

    public Builder maxModuleBytes(long v) { this.maxModuleBytes = v; return this; }

    public Builder maxTableElements(int v) { this.maxTableElements = v; return this; }

    public Builder features(Set<WasmFeature> v) { this.features = v.isEmpty() ? EnumSet.noneOf(WasmFeature.class) : EnumSet.copyOf(v); return this; }

    /** Defaults for unset task policy fields; its own unset fields fall back to the built-in defaults. */
    public Builder defaultPolicy(Policy v) { this.defaultPolicy = Objects.requireNonNull(v); return this; }

    public Builder maxPolicy(Policy v) { this.maxPolicy = Objects.requireNonNull(v); return this; }

    public Builder maxWasmStack(long v) { this.maxWasmStack = v; return this; }

    public Builder workerStackBytes(long v) { this.workerStackBytes = v; return this; }

    public Builder epochTick(Duration v) { this.epochTick = Objects.requireNonNull(v); return this; }

    public Builder rpcHandler(RpcHandler v) { this.rpcHandler = Objects.requireNonNull(v); return this; }

    /** Where the executor reads a module that a task names and its cache does not hold. */
    public Builder moduleSource(ModuleSource v) { this.moduleSource = Objects.requireNonNull(v); return this; }

    /** The engine guests run on. */
    public Builder engine(EngineChoice v) { this.engine = Objects.requireNonNull(v); return this; }

    /** Validates and builds; {@link IllegalArgumentException} names the first invalid setting. */
    public ExecutorOptions build() {
      return new ExecutorOptions(this);
    }
  }
}
