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

/** Maps how a guest stopped to the executor's errors, reading the instrumented module's counters. */
final class Failures {

    private static final long BOOKKEEPING_NANOS = 1_000_000_000L;

    private Failures() {
    }

    static ExecutorException fromTrap(GuestTrap trap, EngineInstance instance, Policy policy) {
        if (trap.trapKind() == GuestTrap.Kind.INTERRUPTED) {
            return new ExecutionTimeoutException("the execution exceeded max_time of " + policy.maxTime() + " ms");
        }
        if (instance != null) {
            if (gasLeft(instance) < 0) {
                return new OutOfGasException("the execution exceeded max_gas of " + policy.maxGas());
            }
            if (memoryDenied(instance)) {
                return new MemoryLimitException("the guest trapped (" + code(trap) + ") after memory.grow beyond max_memory of "
                        + policy.maxMemory() + " bytes was refused");
            }
        }
        return new TrapException(code(trap), "the guest trapped: " + code(trap) + " (" + trap.getMessage() + ")");
    }

    /** Gas consumed; the whole budget when it ran out. */
    static long gasUsed(EngineInstance instance, Policy policy) {
        long left = gasLeft(instance);
        return left < 0 ? policy.maxGas() : policy.maxGas() - left;
    }

    private static long gasLeft(EngineInstance instance) {
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
