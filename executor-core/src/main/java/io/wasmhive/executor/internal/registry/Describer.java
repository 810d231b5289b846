package io.wasmhive.executor.internal.registry;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.internal.wasm.ExportEntry;
import io.wasmhive.executor.internal.wasm.ExternKind;
import io.wasmhive.executor.internal.wasm.ImportEntry;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a parsed module into the public {@link ModuleInfo}. */
final class Describer {

  private Describer() {
  }

  static ModuleInfo describe(String id, int size, ParsedModule parsed, long compileNanos) {
    Map<String, ModuleInfo.Signature> exports = new LinkedHashMap<>();
    for (ExportEntry e : parsed.exports().values()) {
      if (e.kind() == ExternKind.FUNC && e.signature() != null) {
        exports.put(e.name(), new ModuleInfo.Signature(e.signature().params(), e.signature().results()));
      }
    }
    List<String> imports = new ArrayList<>();
    for (ImportEntry i : parsed.imports()) {
      imports.add(i.module() + "." + i.name());
    }
    long pages = parsed.memory().map(m -> m.minPages()).orElse(0L);
    ExportEntry memory = parsed.exports().get("memory");
    boolean exportsMemory = memory != null && memory.kind() == ExternKind.MEMORY;
    return new ModuleInfo(id, size, exports, imports, pages, compileNanos, exportsMemory);
  }
}
