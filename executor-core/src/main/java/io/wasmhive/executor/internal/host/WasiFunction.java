package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemoryAccessException;
import io.wasmhive.executor.engine.HostCall;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.HostFunctionType;

/** A WASI function returning an errno: guest pointer faults become EFAULT instead of ending the execution. */
record WasiFunction(HostFunctionType type, Body body) implements HostFunction {

  /** The body of a WASI call; returns an errno or throws {@link WasiError}. */
  @FunctionalInterface
  interface Body {
    int call(CallArgs args);
  }

  @Override
  public long[] call(HostCall call, long[] args) {
    int errno;
    try {
      errno = body.call(new CallArgs(call, args));
    } catch (WasiError e) {
      errno = e.errno();
    } catch (GuestMemoryAccessException e) {
      errno = Errno.FAULT;
    }
    return new long[] {errno};
  }
}
