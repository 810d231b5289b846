package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.WasmFeature;
import java.util.Set;

/**
 * What {@link NanCanonicalizer} needs of a module whose names may be the instrumenter's: the parameter count of
 * each function and where the code section lies. Reads only the type, import, function and memory sections.
 */
final class ModuleLayout {

  private static final int V128 = 0x7B;

  int[] typeParams = new int[0];
  int[] functionParams = new int[0];
  int importedFunctions;
  int codeStart = -1;
  int codeEnd;
  int codeHeader;

  static ModuleLayout read(byte[] module, Set<WasmFeature> runnable) {
    WasmReader r = new WasmReader(module);
    r.where("module header");
    if (module.length < 8 || (module[0] | module[1] << 8 | module[2] << 16 | module[3] << 24) != 0x6D736100) {
      throw r.error("bad magic number (not a WebAssembly binary)", 0);
    }
    r.pos(8);
    ModuleLayout layout = new ModuleLayout();
    int defined = 0;
    int[] definedTypes = new int[0];
    while (!r.atEnd()) {
      int start = r.pos();
      int id = r.u8();
      int size = r.u32();
      int end = r.pos() + size;
      r.where(Section.known(id) ? Section.name(id) : "section");
      switch (id) {
        case Section.TYPE -> layout.types(r, runnable);
        case Section.IMPORT -> layout.imports(r, runnable);
        case Section.FUNCTION -> {
          defined = r.u32();
          definedTypes = new int[defined];
          for (int i = 0; i < defined; i++) {
            definedTypes[i] = r.u32();
          }
        }
        case Section.MEMORY -> {
          int n = r.u32();
          for (int i = 0; i < n; i++) {
            limits(r, runnable);
          }
        }
        case Section.CODE -> {
          layout.codeHeader = start;
          layout.codeStart = r.pos();
          layout.codeEnd = end;
        }
        default -> { }
      }
      r.pos(end);
    }
    layout.functionParams = new int[defined];
    for (int i = 0; i < defined; i++) {
      layout.functionParams[i] = layout.typeParams[definedTypes[i]];
    }
    return layout;
  }

  private void types(WasmReader r, Set<WasmFeature> runnable) {
    int n = r.u32();
    typeParams = new int[n];
    for (int i = 0; i < n; i++) {
      if (r.u8() != 0x60) {
        throw r.error("type " + i + " is not a function type");
      }
      typeParams[i] = valTypes(r, runnable);
      valTypes(r, runnable);
    }
  }

  private static int valTypes(WasmReader r, Set<WasmFeature> runnable) {
    int n = r.u32();
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      if (r.u8() == V128 && !runnable.contains(WasmFeature.SIMD)) {
        throw new DisallowedFeatureException("SIMD is not supported: a v128 value type at offset 0x"
            + Integer.toHexString(at));
      }
    }
    return n;
  }

  private void imports(WasmReader r, Set<WasmFeature> runnable) {
    int n = r.u32();
    for (int i = 0; i < n; i++) {
      r.skip(r.u32());
      r.skip(r.u32());
      switch (r.u8()) {
        case 0x00 -> {
          r.u32();
          importedFunctions++;
        }
        case 0x01 -> {
          r.u8();
          limits(r, runnable);
        }
        case 0x02 -> limits(r, runnable);
        case 0x03 -> {
          r.u8();
          r.u8();
        }
        case 0x04 -> {
          r.u8();
          r.u32();
        }
        default -> throw r.error("unknown import kind");
      }
    }
  }

  private static void limits(WasmReader r, Set<WasmFeature> runnable) {
    int at = r.pos();
    int flags = r.u8();
    if ((flags & 0x02) != 0 && !runnable.contains(WasmFeature.THREADS)) {
      throw new DisallowedFeatureException("threads are not supported: a shared memory at offset 0x"
          + Integer.toHexString(at));
    }
    r.u64();
    if ((flags & 0x01) != 0) {
      r.u64();
    }
  }
}
