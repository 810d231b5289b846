package io.wasmhive.executor.engine;

import io.wasmhive.executor.ValueType;
import java.util.List;

/** The import name and WebAssembly signature of a host function. */
public record HostFunctionType(String module, String name, List<ValueType> params, List<ValueType> results) {

  public HostFunctionType {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  /** Shorthand for a signature. */
  public static HostFunctionType of(String module, String name, List<ValueType> params, List<ValueType> results) {
    return new HostFunctionType(module, name, params, results);
  }
}
