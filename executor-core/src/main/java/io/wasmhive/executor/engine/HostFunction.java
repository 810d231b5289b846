package io.wasmhive.executor.engine;

/**
 * A function the host gives a guest as an import. Implementations are bound to one execution's state
 * and called only on the thread that runs that execution.
 */
public interface HostFunction {

  /** The import name and signature. */
  HostFunctionType type();

  /**
   * Runs the function.
   *
   * @param call access to the calling instance (memory, exports)
   * @param args raw argument bits, one per parameter (see {@link io.wasmhive.executor.ValueType})
   * @return raw result bits, one per result (an empty array for none)
   * @throws GuestExit to end the execution with an exit code (WASI {@code proc_exit})
   * @throws io.wasmhive.executor.ExecutorException to end the execution with that error
   */
  long[] call(HostCall call, long[] args);
}
