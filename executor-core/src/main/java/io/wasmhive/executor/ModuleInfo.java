package io.wasmhive.executor;

import java.util.List;
import java.util.Map;

/**
 * What registration learned of a module.
 *
 * @param id SHA-256 hex of the original bytes
 * @param size bytes of the original module
 * @param exports exported functions by name, with their signatures
 * @param imports imported functions as {@code module.name}
 * @param initialMemoryPages pages of 64 KiB the module's memory starts with (0 without memory)
 * @param compileNanos time spent checking, instrumenting and compiling; 0 when it came from the cache
 * @param exportsMemory whether the module exports its linear memory as {@code memory}, which the bytes
 *     and message entries ({@link Entry.Bytes}, {@link Entry.Message}) need
 */
public record ModuleInfo(String id, int size, Map<String, Signature> exports, List<String> imports,
             long initialMemoryPages, long compileNanos, boolean exportsMemory) {

  public ModuleInfo {
    exports = Map.copyOf(exports);
    imports = List.copyOf(imports);
  }

  /** A function signature. */
  public record Signature(List<ValueType> params, List<ValueType> results) {
    public Signature {
      params = List.copyOf(params);
      results = List.copyOf(results);
    }
  }
}
