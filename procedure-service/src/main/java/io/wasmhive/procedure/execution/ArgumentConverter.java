package io.wasmhive.procedure.execution;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.Param;
import io.wasmhive.procedure.store.Procedure;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks JSON arguments against a procedure's parameters and converts them; never wraps or rounds silently. */
final class ArgumentConverter {

  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private ArgumentConverter() {
  }

  /** The call's WebAssembly arguments, or {@code BAD_REQUEST} (count) / {@code TYPE_MISMATCH} (type, range). */
  static List<WasmValue> convert(Procedure procedure, List<JsonNode> args) {
    List<Param> params = procedure.params();
    if (args.size() != params.size()) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "procedure " + procedure.name() + " takes "
          + params.size() + " arguments, got " + args.size());
    }
    List<WasmValue> values = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      values.add(convert(params.get(i), procedure.exportParams().get(i), args.get(i)));
    }
    return values;
  }

  /** One numeric argument as the WebAssembly value {@code type}; {@code TYPE_MISMATCH} when it does not fit. */
  static WasmValue convert(Param param, ValueType type, JsonNode arg) {
    if (arg == null || arg.isNull() || arg.isMissingNode()) {
      throw mismatch(param, "null");
    }
    return switch (param.dataType()) {
      case INT -> WasmValue.i32(integer(param, arg, INT_MIN, INT_MAX).intValue());
      case BIGINT -> WasmValue.i64(integer(param, arg, LONG_MIN, LONG_MAX).longValue());
      case FLOAT, DOUBLE -> floating(param, type, arg);
      case BOOL -> WasmValue.i32(bool(param, arg) ? 1 : 0);
      case TEXT, BYTES, JSON -> throw new IllegalArgumentException(param.dataType() + " is not numeric");
    };
  }

  private static BigInteger integer(Param param, JsonNode arg, BigInteger min, BigInteger max) {
    if (!arg.isIntegralNumber()) {
      throw mismatch(param, arg.isNumber() ? "a fractional number " + arg : arg.getNodeType().toString().toLowerCase());
    }
    BigInteger value = arg.bigIntegerValue();
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new ProcedureException(ErrorCode.TYPE_MISMATCH, "argument '" + param.name() + "' = " + value
          + " is out of range for " + param.dataType() + " [" + min + ", " + max + "]");
    }
    return value;
  }

  private static WasmValue floating(Param param, ValueType type, JsonNode arg) {
    if (!arg.isNumber()) {
      throw mismatch(param, arg.getNodeType().toString().toLowerCase());
    }
    double value = arg.doubleValue();
    boolean fits = type == ValueType.F32 ? Math.abs(value) <= Float.MAX_VALUE : Double.isFinite(value);
    if (!fits) {
      throw new ProcedureException(ErrorCode.TYPE_MISMATCH, "argument '" + param.name() + "' = " + arg
          + " is out of range for " + param.dataType() + " (" + type.name().toLowerCase() + ")");
    }
    return type == ValueType.F32 ? WasmValue.f32((float) value) : WasmValue.f64(value);
  }

  private static boolean bool(Param param, JsonNode arg) {
    if (arg.isBoolean()) {
      return arg.booleanValue();
    }
    if (arg.isIntegralNumber() && (arg.bigIntegerValue().equals(BigInteger.ZERO)
        || arg.bigIntegerValue().equals(BigInteger.ONE))) {
      return arg.bigIntegerValue().equals(BigInteger.ONE);
    }
    throw mismatch(param, arg.toString());
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
