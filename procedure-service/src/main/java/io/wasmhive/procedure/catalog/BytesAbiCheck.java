package io.wasmhive.procedure.catalog;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.executor.ValueType;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Param;
import java.util.Collections;
import java.util.List;

/**
 * Checks a module against the bytes ABI at creation, so that a call never fails for a reason known before:
 * the export takes an {@code (i32 ptr, i32 len)} pair per declared parameter and returns the packed
 * {@code i64}; the module exports {@code alloc(i32) -> i32} and its memory as {@code memory}.
 */
final class BytesAbiCheck {

  private static final Signature ALLOC = new Signature(List.of(ValueType.I32), List.of(ValueType.I32));

  private BytesAbiCheck() {
  }

  /** Fails with {@code TYPE_MISMATCH}, saying what the bytes ABI needs, unless the module provides it. */
  static void check(ModuleInfo module, String export, List<Param> params, DataType returnType) {
    Signature signature = module.exports().get(export);
    List<ValueType> pairs = Collections.nCopies(2 * params.size(), ValueType.I32);
    if (!signature.params().equals(pairs)) {
      throw mismatch(declared(params, returnType) + " export '" + export + "' must take one (ptr i32, len i32)"
          + " pair per parameter, " + lower(pairs) + ", but it takes " + lower(signature.params()));
    }
    if (!signature.results().equals(List.of(ValueType.I64))) {
      throw mismatch(declared(params, returnType) + " export '" + export
          + "' must return i64 ((ptr << 32) | len), but it returns " + lower(signature.results()));
    }
    if (!ALLOC.equals(module.exports().get("alloc"))) {
      throw mismatch(declared(params, returnType) + " the module must export alloc(i32) -> i32");
    }
    if (!module.exportsMemory()) {
      throw mismatch(declared(params, returnType) + " the module must export its memory as 'memory'");
    }
  }

  /** Names the declaration that chose the bytes ABI, so the message says why it applies. */
  private static String declared(List<Param> params, DataType returnType) {
    String why = params.stream().filter(p -> p.dataType().needsBytesAbi()).findFirst()
        .map(p -> "parameter '" + p.name() + "' is " + p.dataType())
        .orElseGet(() -> "return_type is " + returnType);
    return why + ", so the procedure uses the bytes ABI:";
  }

  private static ProcedureException mismatch(String message) {
    return new ProcedureException(ErrorCode.TYPE_MISMATCH, message);
  }

  private static String lower(List<ValueType> types) {
    return types.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
