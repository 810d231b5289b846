package io.wasmhive.procedure.catalog;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.executor.ValueType;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.DataType;
import io.wasmhive.procedure.store.Param;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Chooses the export a procedure calls and checks its WebAssembly signature against the declaration. */
final class ExportResolver {

  /** Exports that are never a procedure's entry: the executor's own and a WASI reactor's initializer. */
  private static final Set<String> NOT_CALLABLE = Set.of("_initialize", "_start");

  private ExportResolver() {
  }

  /** The export named like the procedure, else {@code entry}, else the module's only exported function. */
  static String choose(ModuleInfo module, String procedure, String entry) {
    Map<String, Signature> exports = callable(module);
    if (exports.containsKey(procedure)) {
      return procedure;
    }
    if (entry != null && !entry.isBlank()) {
      if (!exports.containsKey(entry)) {
        throw new ProcedureException(ErrorCode.INVALID_WASM,
            "the module exports no function '" + entry + "' (entry); it exports " + exports.keySet());
      }
      return entry;
    }
    if (exports.size() == 1) {
      return exports.keySet().iterator().next();
    }
    throw new ProcedureException(ErrorCode.INVALID_WASM, "the module exports no function named '" + procedure
        + "' and no entry was given; it exports " + exports.keySet());
  }

  /** Fails with {@code TYPE_MISMATCH}, naming the parameter, unless the declaration fits the signature. */
  static void check(String export, Signature signature, List<Param> params, DataType returnType) {
    if (signature.params().size() != params.size()) {
      throw mismatch("export '" + export + "' takes " + signature.params().size() + " parameters "
          + lower(signature.params()) + " but " + params.size() + " are declared");
    }
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      ValueType actual = signature.params().get(i);
      if (!accepts(p.dataType(), actual)) {
        throw mismatch("parameter '" + p.name() + "' is declared " + p.dataType() + " but export '" + export
            + "' takes " + lower(actual) + " at position " + (i + 1));
      }
    }
    checkResult(export, signature.results(), returnType);
  }

  private static void checkResult(String export, List<ValueType> results, DataType returnType) {
    if (returnType == null) {
      if (!results.isEmpty()) {
        throw mismatch("export '" + export + "' returns " + lower(results) + " but no return_type is declared");
      }
      return;
    }
    if (results.size() != 1 || !accepts(returnType, results.get(0))) {
      throw mismatch("return_type is declared " + returnType + " but export '" + export + "' returns "
          + (results.isEmpty() ? "nothing" : lower(results)));
    }
  }

  /**
   * Whether a declared type may stand for a WebAssembly type. FLOAT also accepts f64, because seed 003's own
   * example declares FLOAT for an {@code f64} Rust parameter and SQL's FLOAT is commonly double precision.
   */
  static boolean accepts(DataType declared, ValueType actual) {
    return switch (declared) {
      case INT, BOOL -> actual == ValueType.I32;
      case BIGINT -> actual == ValueType.I64;
      case FLOAT -> actual == ValueType.F32 || actual == ValueType.F64;
      case DOUBLE -> actual == ValueType.F64;
      case TEXT, BYTES, JSON -> false;
    };
  }

  private static Map<String, Signature> callable(ModuleInfo module) {
    Map<String, Signature> exports = new TreeMap<>(module.exports());
    exports.keySet().removeIf(name -> NOT_CALLABLE.contains(name) || name.startsWith("__wasmhive"));
    return exports;
  }

  private static ProcedureException mismatch(String message) {
    return new ProcedureException(ErrorCode.TYPE_MISMATCH, message);
  }

  private static String lower(Object types) {
    return types.toString().toLowerCase(java.util.Locale.ROOT);
  }
}
