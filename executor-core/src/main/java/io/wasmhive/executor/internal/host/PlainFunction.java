package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.HostCall;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.HostFunctionType;

/** A host function that handles its own errors (proc_exit, the {@code host} module). */
record PlainFunction(HostFunctionType type, Body body) implements HostFunction {

  /** The body of the call: raw arguments in, raw results out. */
  @FunctionalInterface
  interface Body {
    long[] call(HostCall call, long[] args);
  }

  @Override
  public long[] call(HostCall call, long[] args) {
    return body.call(call, args);
  }
}
