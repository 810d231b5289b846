package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.ValueType;
import java.util.List;

/** A function type whose parameters and results are all number types. */
public record FuncSignature(List<ValueType> params, List<ValueType> results) {

  public FuncSignature {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }
}
