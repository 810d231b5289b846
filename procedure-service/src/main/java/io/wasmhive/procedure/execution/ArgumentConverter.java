package io.wasmhive.procedure.execution;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.platform.executor.ValueConversionException;
import io.wasmhive.platform.executor.WasmJson;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON arguments against a procedure's parameters and converts them; never wraps or rounds silently.
 * Numbers go through platform-infra's {@link WasmJson} (its range checks and messages); what is the procedure's
 * own is the count and BOOL, which takes {@code true}, {@code false}, 0 or 1 as an {@code i32}.
 */
final class ArgumentConverter {

  private ArgumentConverter() {
  }

  /** The call's WebAssembly arguments, or {@code BAD_REQUEST} (count) / {@code TYPE_MISMATCH} (type, range). */
  static List<WasmValue> convert(Procedure procedure, List<JsonNode> args) {
    checkCount(procedure, args);
    List<WasmValue> values = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      values.add(convert(procedure.params().get(i), procedure.exportParams().get(i), args.get(i)));
    }
    return values;
  }

  /** {@code BAD_REQUEST} unless there is one argument per declared parameter (typed and bytes calls alike). */
  static void checkCount(Procedure procedure, List<JsonNode> args) {
    if (args.size() != procedure.params().size()) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "procedure " + procedure.name() + " takes "
          + procedure.params().size() + " arguments, got " + args.size());
    }
  }

  /** One numeric argument as the WebAssembly value {@code type}; {@code TYPE_MISMATCH} when it does not fit. */
  static WasmValue convert(Param param, ValueType type, JsonNode arg) {
    return switch (param.dataType()) {
      case INT, BIGINT, FLOAT, DOUBLE -> number(param, type, arg);
      case BOOL -> WasmValue.i32(bool(param, arg) ? 1 : 0);
      case TEXT, BYTES, JSON -> throw new IllegalArgumentException(param.dataType() + " is not numeric");
    };
  }

  private static WasmValue number(Param param, ValueType type, JsonNode arg) {
    try {
      return WasmJson.toValue(arg, type, "argument '" + param.name() + "'");
    } catch (ValueConversionException e) {
      throw new ProcedureException(ErrorCode.TYPE_MISMATCH, e.getMessage());
    }
  }

  private static boolean bool(Param param, JsonNode arg) {
    if (arg != null && arg.isBoolean()) {
      return arg.booleanValue();
    }
    if (arg != null && arg.isIntegralNumber() && (arg.bigIntegerValue().equals(BigInteger.ZERO)
        || arg.bigIntegerValue().equals(BigInteger.ONE))) {
      return arg.bigIntegerValue().equals(BigInteger.ONE);
    }
    throw mismatch(param, arg == null || arg.isMissingNode() ? "null" : arg.toString());
  }

  static ProcedureException mismatch(Param param, String got) {
    return new ProcedureException(ErrorCode.TYPE_MISMATCH,
        "argument '" + param.name() + "' must be " + describe(param) + ", got " + got);
  }

  private static String describe(Param param) {
    return switch (param.dataType()) {
      case INT -> "an INT (32-bit integer)";
      case BIGINT -> "a BIGINT (64-bit integer)";
      case FLOAT -> "a FLOAT (number)";
      case DOUBLE -> "a DOUBLE (number)";
      case BOOL -> "a BOOL (true, false, 0 or 1)";
      case TEXT -> "a TEXT (string)";
      case BYTES -> "BYTES (a base64 string)";
      case JSON -> "JSON (any value)";
    };
  }
}
