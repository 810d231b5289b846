package io.wasmhive.executor.internal.run;

import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.internal.wasm.Instrumentation;
import java.util.Arrays;

/**
 * The first call of an execution, made through the export's call wrapper so that setting the limits,
 * running the start function and {@code _initialize}, the call itself and reading the gas left take one
 * crossing into the engine instead of four. Immutable.
 *
 * @param gas the gas budget
 * @param maxPages the page cap for {@code memory.grow}
 * @param flags {@link Instrumentation#RUN_START} and {@link Instrumentation#RUN_INITIALIZE} as needed
 */
record MeteredCall(long gas, int maxPages, int flags) {

  /**
   * Calls {@code export} with {@code args} through its wrapper and returns its results; records the gas
   * used in {@code outcome}. Blocks; a trap or exit propagates as from {@link EngineInstance#call}.
   */
  WasmValue[] call(EngineInstance instance, String export, ExecutionRunner.Outcome outcome, WasmValue... args) {
    WasmValue[] all = new WasmValue[args.length + 3];
    all[0] = WasmValue.i64(gas);
    all[1] = WasmValue.i32(maxPages);
    all[2] = WasmValue.i32(flags);
    System.arraycopy(args, 0, all, 3, args.length);
    WasmValue[] results = instance.call(Instrumentation.call(export), all);
    outcome.gasUsed(gas - results[results.length - 1].asLong());
    return Arrays.copyOf(results, results.length - 1);
  }
}
