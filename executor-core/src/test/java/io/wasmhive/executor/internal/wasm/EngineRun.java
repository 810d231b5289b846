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
import java.util.concurrent.TimeUnit;

/**
 * One run of an instrumented binaryen-generated module on one engine, for the engine-differential test: binaryen's
 * harness order ({@code hangLimitInitializer} before every exported function, each called once in export order with
 * arguments drawn from the seed, {@code hashMemory} again last), each call with a fresh gas budget and page cap. The
 * transcript has one line per call (the raw bits of its results or its trap kind, the gas left, whether a
 * {@code memory.grow} was refused, the size and SHA-256 of linear memory after it), interleaved with the logging
 * imports' calls and raw arguments. Blocks; not thread-safe.
 */
final class EngineRun {

  /** The page cap every call gets: 16 MiB, below what either engine enforces natively. */
  static final int MAX_PAGES = 256;
  /** A safety net only: the gas budget ends every call long before. */
  private static final long CALL_NANOS = TimeUnit.SECONDS.toNanos(30);

  final List<String> transcript = new ArrayList<>();
  int calls;
  int traps;
  int outOfGas;
  int nans;
  /** Why the run ended before calling every export ({@code timeout}, {@code stack overflow}, {@code error}), or null. */
  String stopped;

  /** Instantiates {@code module} (the instrumented bytes of {@code parsed}) and calls its exports. */
  static EngineRun run(EngineModule module, ParsedModule parsed, long seed, long gas) {
    EngineRun run = new EngineRun();
    FuzzingSupport support = new FuzzingSupport(run.transcript);
    EngineInstance instance;
    try {
      instance = module.instantiate(support.imports(parsed), new InstanceLimits(System.nanoTime() + CALL_NANOS));
    } catch (GuestTrap trap) {
      run.transcript.add("instantiate = trap:" + trap.trapKind());
      return run;
    } catch (RuntimeException | StackOverflowError e) {
      run.stop("error", "instantiate = error:" + e);
      return run;
    }
    try (instance) {
      if (parsed.startFunction().isPresent() && !run.call(instance, gas, "start", Instrumentation.START)) {
        return run;
      }
      run.callExports(instance, parsed, gas, new Random(seed));
    }
    return run;
  }

  private void callExports(EngineInstance instance, ParsedModule parsed, long gas, Random random) {
    boolean hangLimit = parsed.exports().containsKey(GeneratedRun.HANG_LIMIT);
    List<ExportEntry> functions = new ArrayList<>(parsed.exports().values().stream()
        .filter(e -> e.kind() == ExternKind.FUNC && e.signature() != null && !e.name().equals(GeneratedRun.HANG_LIMIT))
        .toList());
    parsed.exports().values().stream().filter(e -> e.name().equals(GeneratedRun.HASH_MEMORY)).findFirst()
        .ifPresent(functions::add);
    for (ExportEntry e : functions) {
      if (hangLimit && !call(instance, gas, GeneratedRun.HANG_LIMIT, GeneratedRun.HANG_LIMIT)) {
        return;
      }
      WasmValue[] args = e.signature().params().stream().map(t -> GeneratedRun.argument(t, random))
          .toArray(WasmValue[]::new);
      if (!call(instance, gas, e.name() + Arrays.toString(args), e.name(), args)) {
        return;
      }
    }
  }

  /** Calls one export with a fresh budget and records the outcome; false if the run cannot go on. */
  private boolean call(EngineInstance instance, long gas, String shown, String export, WasmValue... args) {
    calls++;
    String outcome;
    try {
      instance.deadline(System.nanoTime() + CALL_NANOS);
      instance.call(Instrumentation.SET_LIMITS, i64(gas), i32(MAX_PAGES));
      outcome = results(instance.call(export, args));
    } catch (GuestTrap trap) {
      traps++;
      if (trap.trapKind() == GuestTrap.Kind.INTERRUPTED) {
        return stop("timeout", shown + " = timeout");
      }
      if (trap.trapKind() == GuestTrap.Kind.STACK_OVERFLOW) {
        // How deep a guest may recurse is the engine's own limit: the gas and memory at that point are engine-defined,
        // and so is everything after.
        return stop("stack overflow", shown + " = trap:STACK_OVERFLOW");
      }
      outcome = "trap:" + trap.trapKind();
    } catch (RuntimeException | StackOverflowError e) {
      return stop("error", shown + " = error:" + e);
    }
    instance.deadline(System.nanoTime() + CALL_NANOS);
    long left = instance.call(Instrumentation.GAS_LEFT)[0].asLong();
    if (left < 0) {
      outOfGas++;
    }
    int denied = instance.call(Instrumentation.MEMORY_DENIED)[0].asInt();
    transcript.add(shown + " = " + outcome + "; gas left " + left + (denied != 0 ? "; grow denied" : "")
        + "; " + memory(instance.memory()));
    return true;
  }

  /** The results' types and raw bits: NaN payloads and signs count. */
  private String results(WasmValue[] values) {
    if (values.length == 0) {
      return "ok";
    }
    StringBuilder out = new StringBuilder();
    for (WasmValue v : values) {
      if (v.type() == ValueType.F32 && Float.isNaN(v.asFloat()) || v.type() == ValueType.F64 && Double.isNaN(v.asDouble())) {
        nans++;
      }
      out.append(out.length() == 0 ? "" : ",").append(v.type()).append(':').append(Long.toHexString(v.bits()));
    }
    return out.toString();
  }

  private static String memory(GuestMemory memory) {
    if (memory == null) {
      return "no memory";
    }
    byte[] bytes = memory.read(0, (int) memory.size());
    return "memory " + bytes.length + " bytes, sha256 " + InstrumentationDifferentialTest.sha256Hex(bytes);
  }

  private boolean stop(String why, String line) {
    stopped = why;
    transcript.add(line);
    return false;
  }
}
