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

  /** Frees the instance and its store. */
  @Override
  void close();
}
