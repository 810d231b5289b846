package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.InstanceLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One run of a binaryen-generated module on an engine, as original or instrumented bytes: what binaryen's
 * own fuzz harness does ({@code hangLimitInitializer} before every exported function, each called once in
 * export order), then {@code hashMemory} again and a digest of the final memory. The transcript interleaves
 * each call's result or trap kind with what the guest logged during it; an instrumented run also records
 * the gas left after each call. A run stops at the first timeout.
 */
final class GeneratedRun {

  static final String HASH_MEMORY = "hashMemory";
  static final String HANG_LIMIT = "hangLimitInitializer";
  /** Gas for instrumented runs: enough that no run of ours ever runs out. */
  static final long GAS = 1L << 50;
  private static final long[] EDGES = {1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
    0x7FC0_0000L, 0x7FF8_0000_0000_0000L, 0xFFFF_FFFFL};

  final List<String> transcript = new ArrayList<>();
  final List<Long> gasLeft = new ArrayList<>();
  /** Index into {@link #transcript} where the run timed out, or -1. */
  int timedOutAt = -1;
  int calls;
  int traps;

  boolean timedOut() {
    return timedOutAt >= 0;
  }

  /** How many lines of the transcript the guest logged. */
  long logs() {
    return transcript.stream().filter(line -> line.startsWith("log-")).count();
  }

  /** Runs {@code module} (compiled from the original or the instrumented bytes of {@code parsed}) once. Blocks. */
  static GeneratedRun run(EngineModule module, ParsedModule parsed, boolean instrumented, long seed, long budgetNanos) {
    GeneratedRun run = new GeneratedRun();
    FuzzingSupport support = new FuzzingSupport(run.transcript);
    long deadline = System.nanoTime() + budgetNanos;
    EngineInstance instance;
    try {
      instance = module.instantiate(support.imports(parsed), new InstanceLimits(deadline));
    } catch (GuestTrap trap) {
      run.startFailed(trap);
      return run;
    }
    try (instance) {
      if (instrumented) {
        instance.call(Instrumentation.SET_LIMITS, i64(GAS), i32(65536));
        if (parsed.startFunction().isPresent() && !run.start(instance)) {
          return run;
        }
      }
      run.callExports(instance, parsed, instrumented, new Random(seed));
      GuestMemory memory = instance.memory();
      if (!run.timedOut() && memory != null) {
        byte[] bytes = memory.read(0, (int) memory.size());
        run.transcript.add("memory " + bytes.length + " bytes, sha256 "
            + InstrumentationDifferentialTest.sha256Hex(bytes));
      }
    }
    return run;
  }

  /**
   * Runs the instrumented module's start function, which the original ran while instantiating; false if it
   * trapped, which leaves the original without an instance.
   */
  private boolean start(EngineInstance instance) {
    try {
      instance.call(Instrumentation.START);
      return true;
    } catch (GuestTrap trap) {
      startFailed(trap);
      return false;
    }
  }

  private void startFailed(GuestTrap trap) {
    if (trap.trapKind() == GuestTrap.Kind.INTERRUPTED) {
      timedOutAt = transcript.size();
    } else {
      outcome("start", "trap:" + trap.trapKind(), trap);
    }
  }

  private void callExports(EngineInstance instance, ParsedModule parsed, boolean instrumented, Random random) {
    boolean hangLimit = parsed.exports().containsKey(HANG_LIMIT);
    List<ExportEntry> functions = new ArrayList<>(parsed.exports().values().stream()
        .filter(e -> e.kind() == ExternKind.FUNC && e.signature() != null && !e.name().equals(HANG_LIMIT))
        .toList());
    parsed.exports().values().stream().filter(e -> e.name().equals(HASH_MEMORY)).findFirst().ifPresent(functions::add);
    for (ExportEntry e : functions) {
      if (hangLimit && !call(instance, instrumented, HANG_LIMIT, HANG_LIMIT)) {
        return;
      }
      WasmValue[] args = e.signature().params().stream().map(t -> argument(t, random)).toArray(WasmValue[]::new);
      if (!call(instance, instrumented, e.name() + Arrays.toString(args), e.name(), args)) {
        return;
      }
    }
  }

  /** Calls one export and records the outcome; false if the run timed out. */
  private boolean call(EngineInstance instance, boolean instrumented, String shown, String export, WasmValue... args) {
    calls++;
    try {
      WasmValue[] results = instance.call(export, args);
      outcome(shown, results.length == 0 ? "ok" : String.join(",", Arrays.stream(results)
          .map(v -> v.type() + ":" + Long.toHexString(v.bits())).toList()), null);
    } catch (GuestTrap trap) {
      if (trap.trapKind() == GuestTrap.Kind.INTERRUPTED) {
        timedOutAt = transcript.size();
        return false;
      }
      outcome(shown, "trap:" + trap.trapKind(), trap);
    }
    if (instrumented) {
      gasLeft.add(instance.call(Instrumentation.GAS_LEFT)[0].asLong());
    }
    return true;
  }

  /** A zero (what binaryen's harness passes) half the time, else an edge value or random bits. */
  static WasmValue argument(ValueType type, Random random) {
    long bits = switch (random.nextInt(4)) {
      case 0, 1 -> 0;
      case 2 -> EDGES[random.nextInt(EDGES.length)];
      default -> random.nextLong();
    };
    return switch (type) {
      case I32 -> i32((int) bits);
      case I64 -> i64(bits);
      case F32 -> new WasmValue(type, bits & 0xFFFF_FFFFL);
      case F64 -> new WasmValue(type, bits);
    };
  }

  private void outcome(String shown, String result, GuestTrap trap) {
    if (trap != null) {
      traps++;
    }
    transcript.add(shown + " = " + result);
  }
}
