package io.wasmhive.executor.internal.run;

import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.GuestMemory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An instance kept between executions, with its rebound imports and its share of the retained-memory
 * budget. Used by one execution at a time; closing it gives its share back.
 */
final class Reusable implements AutoCloseable {

  /** What an instance without memory is counted as: its globals, tables and the engine's own objects. */
  private static final long BASE_BYTES = 16 * 1024;

  final EngineInstance instance;
  final ReboundImports imports;
  private final AtomicLong retained;
  private long counted;

  /** @param imports null when the module imports nothing */
  Reusable(EngineInstance instance, ReboundImports imports, AtomicLong retained) {
    this.instance = instance;
    this.imports = imports;
    this.retained = retained;
  }

  /**
   * Counts the instance against the budget (its memory twice: live pages and the checkpoint's copy);
   * false, counting nothing, when that would exceed {@code maxBytes}.
   */
  boolean reserve(long maxBytes) {
    if (counted > 0) {
      return true;
    }
    GuestMemory memory = instance.memory();
    long bytes = BASE_BYTES + (memory == null ? 0 : 2 * memory.size());
    if (retained.addAndGet(bytes) > maxBytes) {
      retained.addAndGet(-bytes);
      return false;
    }
    counted = bytes;
    return true;
  }

  @Override
  public void close() {
    retained.addAndGet(-counted);
    counted = 0;
    instance.close();
  }
}
