package io.wasmhive.executor.internal.run;

import io.wasmhive.executor.ExecutionTimeoutException;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.MemoryLimitException;
import io.wasmhive.executor.OutOfGasException;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.internal.wasm.Instrumentation;
import java.util.Locale;

/**
 * Maps how a guest stopped to the executor's errors, reading the instrumented module's counters. Used
 * only off the success path, where the call wrapper has already returned the gas left.
 */
final class Failures {

  private static final long BOOKKEEPING_NANOS = 1_000_000_000L;

  private Failures() {
  }

  /**
   * The error for a trap; {@code gasLeft} is {@link #gasLeft} read after it, {@code instance} null if the
   * trap came while instantiating.
   */
  static ExecutorException fromTrap(GuestTrap trap, EngineInstance instance, long gasLeft, Policy policy) {
    if (trap.trapKind() == GuestTrap.Kind.INTERRUPTED) {
      return new ExecutionTimeoutException("the execution exceeded max_time of " + policy.maxTime() + " ms");
    }
    if (instance != null) {
      if (gasLeft < 0) {
        return new OutOfGasException("the execution exceeded max_gas of " + policy.maxGas());
      }
      if (memoryDenied(instance)) {
        return new MemoryLimitException("the guest trapped (" + code(trap) + ") after memory.grow beyond max_memory of "
            + policy.maxMemory() + " bytes was refused");
      }
    }
    return new TrapException(code(trap), "the guest trapped: " + code(trap) + detail(trap));
  }

  /** The engine's own words, first line only: later lines would be a backtrace, which no client should see. */
  private static String detail(GuestTrap trap) {
    String message = trap.getMessage();
    String first = message == null ? "" : message.lines().findFirst().orElse("").strip();
    return first.isEmpty() ? "" : " (" + first + ")";
  }

  /** Gas consumed given the gas left; the whole budget when it ran out. */
  static long gasUsed(long gasLeft, Policy policy) {
    return gasLeft < 0 ? policy.maxGas() : policy.maxGas() - gasLeft;
  }

  /**
   * The gas global as the guest last wrote it back, read with a fresh deadline so that it can be read
   * after a timeout too. A call into the guest; blocks briefly.
   */
  static long gasLeft(EngineInstance instance) {
    instance.deadline(System.nanoTime() + BOOKKEEPING_NANOS);
    try {
      return instance.call(Instrumentation.GAS_LEFT)[0].asLong();
    } catch (RuntimeException e) {
      // The counter is unreadable only if the instance itself broke; report no gas rather than mask the error.
      return 0;
    }
  }

  private static boolean memoryDenied(EngineInstance instance) {
    return instance.call(Instrumentation.MEMORY_DENIED)[0].asInt() != 0;
  }

  private static String code(GuestTrap trap) {
    return trap.trapKind().name().toLowerCase(Locale.ROOT);
  }
}
