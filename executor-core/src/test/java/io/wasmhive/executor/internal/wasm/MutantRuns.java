package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ErrorKind;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.internal.runtime.PooledExecutor;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registers modules on a small executor of {@link #WORKERS} workers and executes each exported function once under tiny limits,
 * recording every breach of what must hold whatever the bytes: gas used between 0 and the budget (exactly
 * the budget when out of gas), final memory within the task's {@code max_memory}, every table and memory of
 * the compiled module bounded by the server caps, only guest failures as errors, and no store left behind.
 * Thread-safe: {@link #run} may be called from as many threads as there are {@link #WORKERS}.
 */
final class MutantRuns implements AutoCloseable {

  static final long SERVER_MAX_MEMORY = 4L << 20;
  static final int TABLE_CAP = 1000;
  static final Policy TINY = new Policy(2L << 20, 100_000, 100, 64 * 1024);
  private static final int MAX_EXPORTS = 8;
  static final int WORKERS = 2;
  private static final Set<ErrorKind> REGISTRATION_REFUSALS = EnumSet.of(ErrorKind.UNKNOWN_IMPORT, ErrorKind.MEMORY_LIMIT);
  private static final Set<ErrorKind> GUEST_FAILURES = EnumSet.of(ErrorKind.TIMEOUT, ErrorKind.OUT_OF_GAS,
      ErrorKind.MEMORY_LIMIT, ErrorKind.OUTPUT_LIMIT, ErrorKind.TRAP);

  private final WasmtimeEngine wasmtime;
  private final WasmExecutor executor;
  final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Integer> outcomes = new ConcurrentSkipListMap<>();
  final AtomicInteger compiled = new AtomicInteger();

  MutantRuns() {
    ExecutorOptions options = ExecutorOptions.builder().maxWorkers(WORKERS).initialWorkers(WORKERS).enableJit(false)
        .cacheSize(16).maxTableElements(TABLE_CAP).maxMemoryMb(4).defaultPolicy(TINY)
        .maxPolicy(new Policy(SERVER_MAX_MEMORY, TINY.maxGas(), TINY.maxTime(), TINY.maxOutput())).build();
    wasmtime = new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), false, options.maxWasmStack(),
        options.epochTick(), 256, SERVER_MAX_MEMORY));
    executor = PooledExecutor.create(options, new WitnessEngine(wasmtime, this::checkCaps, this::checkMemory));
    run("warm-up", new TinyModule().type(new int[0]).func(0).export("f", 0, 0).build());
  }

  /** Registers {@code module} and runs its exports; what breaks a rule goes to {@link #violations}. */
  void run(String name, byte[] module) {
    ModuleInfo info;
    try {
      info = executor.register(module);
    } catch (ExecutorException e) {
      count("registration refused: " + e.kind());
      if (!REGISTRATION_REFUSALS.contains(e.kind()) && !e.getMessage().contains("(WASM_MAX_TABLE_ELEMENTS)")) {
        violations.add(name + ": registration failed: " + e);
      }
      return;
    }
    info.exports().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .filter(e -> e.getValue().params().size() <= 16).limit(MAX_EXPORTS).forEach(e -> execute(name, info.id(), e.getKey(), e.getValue().params()));
    // A worker keeps one store and replaces it when it has served enough instances or memory.
    if (wasmtime.liveStores() > WORKERS) {
      violations.add(name + ": " + wasmtime.liveStores() + " live stores for " + WORKERS + " workers");
    }
  }

  private void execute(String name, String id, String export, List<ValueType> params) {
    WasmValue[] args = params.stream().map(t -> new WasmValue(t, 0)).toArray(WasmValue[]::new);
    ExecutionResult r = executor.execute(ExecutionTask.builder(id).entry(Entry.typed(export, args)).policy(TINY)
        .deterministic(true).build());
    String where = name + " " + export;
    count(r.success() ? "ok" : r.error().kind().toString());
    if (!r.success() && !GUEST_FAILURES.contains(r.error().kind())) {
      violations.add(where + ": " + r.error());
    }
    if (r.gasUsed() < 0 || r.gasUsed() > TINY.maxGas()
        || !r.success() && r.error().kind() == ErrorKind.OUT_OF_GAS && r.gasUsed() != TINY.maxGas()) {
      violations.add(where + ": gas used " + r.gasUsed() + " with " + (r.success() ? "success" : r.error().kind()));
    }
  }

  private void checkMemory(long bytes) {
    if (bytes > TINY.maxMemory()) {
      violations.add("an instance ended with " + bytes + " bytes of memory, above max_memory " + TINY.maxMemory());
    }
  }

  /** The instrumented module must bound every table and memory by the server caps, so the engine enforces them. */
  private void checkCaps(byte[] instrumented) {
    compiled.incrementAndGet();
    DeclaredLimits limits = DeclaredLimits.of(instrumented);
    for (long max : limits.tableMaxima()) {
      if (max == DeclaredLimits.UNBOUNDED || max > TABLE_CAP) {
        violations.add("a compiled module declares a table maximum of " + max);
      }
    }
    for (long max : limits.memoryMaxima()) {
      if (max == DeclaredLimits.UNBOUNDED || max > SERVER_MAX_MEMORY / 65536) {
        violations.add("a compiled module declares a memory maximum of " + max + " pages");
      }
    }
  }

  private void count(String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }

  int liveStores() {
    return wasmtime.liveStores();
  }

  @Override
  public void close() {
    executor.close();
  }
}
