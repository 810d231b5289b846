package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.wasm.ChicoryException;
import io.wasmhive.executor.engine.GuestTrap;
import java.util.Locale;

/** Chicory's traps in the engine-neutral terms the Wasmtime engine reports for the same guest. */
final class Traps {

  private Traps() {
  }

  /** The trap a Chicory exception (or the JVM's own stack overflow) stands for. */
  static GuestTrap of(Throwable e, boolean deadlinePassed) {
    if (e instanceof StackOverflowError) {
      return new GuestTrap(GuestTrap.Kind.STACK_OVERFLOW, "call stack exhausted");
    }
    if (e instanceof ChicoryInterruptedException || deadlinePassed && isInterruption(e)) {
      return HostAdapter.interrupted();
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    return new GuestTrap(kind(message, e), "wasm trap: " + message);
  }

  private static boolean isInterruption(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ChicoryInterruptedException || t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  /** Chicory reports traps with the specification test suite's messages; this reads them. */
  static GuestTrap.Kind kind(String message, Throwable e) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("call stack exhausted") || e.getCause() instanceof StackOverflowError) {
      return GuestTrap.Kind.STACK_OVERFLOW;
    } else if (m.contains("unreachable")) {
      return GuestTrap.Kind.UNREACHABLE;
    } else if (m.contains("out of bounds memory")) {
      return GuestTrap.Kind.MEMORY_OUT_OF_BOUNDS;
    } else if (m.contains("undefined element") || m.contains("out of bounds table")) {
      return GuestTrap.Kind.TABLE_OUT_OF_BOUNDS;
    } else if (m.contains("uninitialized element") || m.contains("null function")) {
      return GuestTrap.Kind.INDIRECT_CALL_TO_NULL;
    } else if (m.contains("indirect call type mismatch")) {
      return GuestTrap.Kind.BAD_SIGNATURE;
    } else if (m.contains("integer overflow")) {
      return GuestTrap.Kind.INTEGER_OVERFLOW;
    } else if (m.contains("divide by zero")) {
      return GuestTrap.Kind.INTEGER_DIVISION_BY_ZERO;
    } else if (m.contains("invalid conversion to integer")) {
      return GuestTrap.Kind.BAD_CONVERSION_TO_INTEGER;
    }
    return GuestTrap.Kind.OTHER;
  }

  /** Whether {@code e} is one of Chicory's own (a trap), as opposed to what a host function threw. */
  static boolean isChicory(Throwable e) {
    return e instanceof ChicoryException || e instanceof StackOverflowError;
  }
}
