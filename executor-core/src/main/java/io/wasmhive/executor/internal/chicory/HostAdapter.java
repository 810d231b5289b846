package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.HostFunction;
import java.util.List;

/**
 * Binds an executor {@link HostFunction} as a Chicory import of one instance: arguments normalised to the executor's
 * raw bits, the deadline watch switched to host mode while it runs (so a blocking host call is never interrupted by
 * the guest's deadline), and what it throws marked so that it comes out of the call unchanged.
 */
final class HostAdapter {

  private HostAdapter() {
  }

  static ImportFunction bind(HostFunction fn, ChicoryInstance instance) {
    List<ValueType> params = fn.type().params();
    FunctionType type = FunctionType.of(ChicoryValues.toValTypes(params), ChicoryValues.toValTypes(fn.type().results()));
    InstanceHostCall call = new InstanceHostCall(instance);
    return new com.dylibso.chicory.runtime.HostFunction(fn.type().module(), fn.type().name(), type, (inst, args) -> {
      long[] in = new long[args.length];
      for (int i = 0; i < in.length; i++) {
        in[i] = ChicoryValues.normalize(params.get(i), args[i]);
      }
      DeadlineWatch watch = instance.watch();
      if (!watch.toHost()) {
        // The deadline passed after the guest's last check: do not start host work with the interrupt pending.
        throw interrupted();
      }
      try {
        return fn.call(call, in);
      } catch (RuntimeException e) {
        throw new HostThrown(e);
      } finally {
        watch.toGuest();
      }
    });
  }

  /** The trap of a guest whose deadline passed. */
  static GuestTrap interrupted() {
    return new GuestTrap(GuestTrap.Kind.INTERRUPTED, "wasm trap: interrupt");
  }

  /** What a host function threw, if {@code e} carries it; null for Chicory's own traps. */
  static RuntimeException hostFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HostThrown thrown) {
        return thrown.unwrap();
      }
    }
    return null;
  }

  /**
   * Carries a host function's exception through Chicory's frames. A {@link com.dylibso.chicory.wasm.ChicoryException}
   * so Chicory lets it through the way it lets its own traps through; unwrapped by the outermost call.
   */
  static final class HostThrown extends com.dylibso.chicory.wasm.ChicoryException {

    private static final long serialVersionUID = 1L;

    private final RuntimeException thrown;

    HostThrown(RuntimeException thrown) {
      super("host function failed", thrown);
      this.thrown = thrown;
    }

    RuntimeException unwrap() {
      return thrown;
    }

    /** No stack trace: WASI programs end through proc_exit, so this is on the path of many executions. */
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
