package io.wasmhive.executor.engine;

/** What a host function may touch of the instance that called it. Valid only during that call. */
public interface HostCall {

  /** The instance's exported memory named {@code memory}; fails with {@link GuestMemoryAccessException} if none. */
  GuestMemory memory();

  /** Whether the instance exports a function of that name. */
  boolean hasExport(String name);

  /**
   * Calls back into an exported guest function whose parameters are all i32 (for example {@code alloc});
   * re-entrant. Blocks until the guest returns. A host function lets the exceptions below through unchanged
   * (or handles them, if it can): the outer call then ends exactly as if the guest had failed in its own code.
   *
   * @throws GuestTrap when the guest traps, runs out of gas (a trap of the instrumented module) or is interrupted
   * @throws GuestExit when a host function the guest called in turn ended the execution with an exit code
   * @throws RuntimeException whatever a host function the guest called in turn threw, unchanged
   */
  long[] callExport(String name, long... args);
}
