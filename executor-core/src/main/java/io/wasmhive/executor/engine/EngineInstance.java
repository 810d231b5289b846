package io.wasmhive.executor.engine;

import io.wasmhive.executor.WasmValue;

/**
 * One instance of a module in its own store. Not thread-safe: used by one worker thread, then closed.
 */
public interface EngineInstance extends AutoCloseable {

  /** Whether the instance exports a function of that name. */
  boolean hasExport(String name);

  /**
   * Calls an exported function. Blocks until it returns or the deadline interrupts it.
   *
   * @throws GuestTrap when the guest traps or is interrupted
   * @throws GuestExit when a host function ended the execution with an exit code
   * @throws RuntimeException whatever a host function threw, unchanged
   */
  WasmValue[] call(String export, WasmValue... args);

  /** Moves the interruption deadline (absolute {@link System#nanoTime()}), for example to read state after a timeout. */
  void deadline(long deadlineNanos);

  /** The exported memory named {@code memory}, or {@code null} when the module has none. */
  GuestMemory memory();

  /**
   * Marks the instance's present state (memory, globals, tables, segments) as the one {@link #restore()}
   * returns to. Call it right after instantiation, before any guest code runs, so that a restored instance
   * is indistinguishable from a fresh one. Only instances created with {@link InstanceLimits#resettable()}
   * can do this.
   *
   * @return false when the engine cannot restore this instance exactly (the default): do not reuse it
   */
  default boolean checkpoint() {
    return false;
  }

  /**
   * Puts the instance back into its {@link #checkpoint()} state, undoing whatever executions changed since.
   *
   * @return false when that is not possible exactly (memory or a table grew, a segment was dropped, no
   *     checkpoint): the caller must close the instance instead of reusing it
   */
  default boolean restore() {
    return false;
  }

  /** Frees the instance and its store. */
  @Override
  void close();
}
