package io.wasmhive.procedure.execution;

import io.wasmhive.executor.WasmValue;
import io.wasmhive.procedure.store.Procedure;
import java.util.List;

/** Turns a typed call's WebAssembly result into the JSON value of the declared return type. */
final class ResultConverter {

  private ResultConverter() {
  }

  /** A boxed number or boolean, or {@code null} for a procedure without a result. */
  static Object toJson(Procedure procedure, List<WasmValue> values) {
    if (procedure.returnType() == null || values.isEmpty()) {
      return null;
    }
    WasmValue value = values.get(0);
    return switch (procedure.returnType()) {
      case INT -> value.asInt();
      case BIGINT -> value.asLong();
      case FLOAT, DOUBLE -> value.toNumber();
      case BOOL -> value.asInt() != 0;
      case TEXT, BYTES, JSON -> throw new IllegalStateException("a typed call cannot return " + procedure.returnType());
    };
  }
}
