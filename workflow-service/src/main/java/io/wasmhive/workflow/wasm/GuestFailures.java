package io.wasmhive.workflow.wasm;

import io.wasmhive.executor.ErrorKind;
import io.wasmhive.executor.ExecutorException;

/**
 * Error strings for the failures the simulator has no verdict of its own for (its wasmtime process would exit
 * non-zero): a refused module, a trap, gas or memory exhausted. Each names its kind and keeps the executor's
 * message, which never contains host paths or backtraces.
 */
final class GuestFailures {

  private GuestFailures() {
  }

  static String describe(ExecutorException e) {
    return prefix(e.kind()) + e.getMessage();
  }

  private static String prefix(ErrorKind kind) {
    return switch (kind) {
      case INVALID_MODULE, UNSUPPORTED_FEATURE, UNKNOWN_IMPORT, MODULE_TOO_LARGE -> "invalid module: ";
      case MODULE_NOT_FOUND -> "module not found: ";
      case TRAP -> "trap: ";
      case OUT_OF_GAS -> "out of gas: ";
      case MEMORY_LIMIT -> "memory limit: ";
      case OUTPUT_LIMIT -> Verdicts.OUTPUT_LIMIT + ": ";
      case TIMEOUT -> "timeout: ";
      case INVALID_TASK -> "invalid task: ";
      case OVERLOADED, SHUT_DOWN, INTERNAL -> "executor: ";
    };
  }
}
