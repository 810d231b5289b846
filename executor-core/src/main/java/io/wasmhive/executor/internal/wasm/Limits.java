package io.wasmhive.executor.internal.wasm;

import java.util.List;

/**
 * Re-encodes the table and memory sections with every maximum lowered to the server's cap (a missing
 * maximum becomes the cap), so that the engine refuses growth past it whatever the instrumented code does.
 */
final class Limits {

  private Limits() {
  }

  /** The table section of the module's defined tables, each maximum at most {@code cap} elements. */
  static ByteSink tables(List<TableInfo> tables, long cap) {
    ByteSink p = new ByteSink(16 + tables.size() * 12);
    p.u32((int) tables.stream().filter(t -> !t.imported()).count());
    for (TableInfo t : tables) {
      if (!t.imported()) {
        p.u8(t.refType());
        limits(p, 0, t.min(), Math.min(t.max().orElse(cap), cap));
      }
    }
    return p;
  }

  /** The memory section of the module's defined memories, each maximum at most {@code cap} pages. */
  static ByteSink memories(List<MemoryInfo> memories, long cap) {
    ByteSink p = new ByteSink(16 + memories.size() * 12);
    p.u32((int) memories.stream().filter(m -> !m.imported()).count());
    for (MemoryInfo m : memories) {
      if (!m.imported()) {
        limits(p, m.shared() ? 0x02 : 0, m.minPages(), Math.min(m.maxPages().orElse(cap), cap));
      }
    }
    return p;
  }

  private static void limits(ByteSink p, int flags, long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("initial size " + min + " exceeds the cap " + max);
    }
    p.u8(flags | 0x01);
    p.u32((int) min);
    p.u32((int) max);
  }
}
