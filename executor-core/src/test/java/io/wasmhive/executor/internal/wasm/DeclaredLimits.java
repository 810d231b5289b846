package io.wasmhive.executor.internal.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * The maxima a module's own table and memory sections declare, read straight from its bytes (the
 * instrumenter's output cannot go through {@link WasmParser}: it exports reserved names). A missing
 * maximum is {@link #UNBOUNDED}. Imported tables and memories are not listed.
 */
record DeclaredLimits(List<Long> tableMaxima, List<Long> memoryMaxima) {

  static final long UNBOUNDED = -1;

  static DeclaredLimits of(byte[] module) {
    List<Long> tables = new ArrayList<>();
    List<Long> memories = new ArrayList<>();
    WasmReader r = new WasmReader(module);
    r.pos(8);
    while (!r.atEnd()) {
      int id = r.u8();
      int size = r.u32();
      int end = r.pos() + size;
      if (id == Section.TABLE || id == Section.MEMORY) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
          if (id == Section.TABLE) {
            r.u8();
          }
          (id == Section.TABLE ? tables : memories).add(maximum(r));
        }
      }
      r.pos(end);
    }
    return new DeclaredLimits(tables, memories);
  }

  private static long maximum(WasmReader r) {
    int flags = r.u8();
    r.u32();
    return (flags & 1) != 0 ? r.u32() & 0xFFFF_FFFFL : UNBOUNDED;
  }
}
