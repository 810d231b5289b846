package io.wasmhive.relay.execution;

import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * JSON {@code inputs} to typed WebAssembly arguments and typed results back to JSON. Arguments are checked
 * strictly: {@code inputs} must be an array of exactly as many numbers as the export has parameters; an
 * {@code i32} takes an integer from -2147483648 to 2147483647, an {@code i64} an integer within 64 bits (no
 * fraction, no exponent that makes one), {@code f32} and {@code f64} any finite number within their range.
 * Anything else is {@code INVALID_INPUT}. Results: none → {@code null}, one → that number, several → an array;
 * a NaN or infinite float result is {@code INVALID_OUTPUT} (JSON has no such number). Stateless.
 */
final class TypedValues {

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private TypedValues() {
  }

  static List<WasmValue> arguments(String export, Signature signature, JsonNode inputs) {
    if (inputs == null || !inputs.isArray()) {
      throw invalid(export + " takes typed arguments: inputs must be a JSON array of " + signature.params().size()
          + " numbers " + signature.params());
    }
    if (inputs.size() != signature.params().size()) {
      throw invalid(export + " takes " + signature.params().size() + " arguments " + signature.params()
          + ", inputs has " + inputs.size());
    }
    List<WasmValue> args = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      args.add(argument(export, i, signature.params().get(i), inputs.get(i)));
    }
    return args;
  }

  private static WasmValue argument(String export, int index, ValueType type, JsonNode value) {
    String where = "argument " + index + " of " + export + " (" + type.name().toLowerCase() + ")";
    if (value == null || !value.isNumber()) {
      throw invalid(where + " must be a number, got " + describe(value));
    }
    return switch (type) {
      case I32 -> WasmValue.i32((int) integral(where, value, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case I64 -> WasmValue.i64(integral(where, value, Long.MIN_VALUE, Long.MAX_VALUE));
      case F32 -> WasmValue.f32((float) finite(where, value, Float.MAX_VALUE));
      case F64 -> WasmValue.f64(finite(where, value, Double.MAX_VALUE));
    };
  }

  private static long integral(String where, JsonNode value, long min, long max) {
    if (!value.isIntegralNumber()) {
      throw invalid(where + " must be an integer, got " + value);
    }
    BigInteger big = value.bigIntegerValue();
    if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0 || big.longValue() < min
        || big.longValue() > max) {
      throw invalid(where + " must be between " + min + " and " + max + ", got " + value);
    }
    return big.longValue();
  }

  private static double finite(String where, JsonNode value, double max) {
    double d = value.doubleValue();
    if (!Double.isFinite(d) || Math.abs(d) > max) {
      throw invalid(where + " is out of range: " + value);
    }
    return d;
  }

  static JsonNode output(List<WasmValue> values) {
    if (values.isEmpty()) {
      return NullNode.getInstance();
    }
    if (values.size() == 1) {
      return number(values.get(0));
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(v -> array.add(number(v)));
    return array;
  }

  private static JsonNode number(WasmValue v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (v.type()) {
      case I32 -> f.numberNode(v.asInt());
      case I64 -> f.numberNode(v.asLong());
      case F32 -> f.numberNode(checkFinite(v.asFloat()));
      case F64 -> f.numberNode(checkFinite(v.asDouble()));
    };
  }

  private static float checkFinite(float value) {
    checkFinite((double) value);
    return value;
  }

  private static double checkFinite(double value) {
    if (!Double.isFinite(value)) {
      throw new ExecutionFailure(ExecutionFailure.INVALID_OUTPUT, "the module returned " + value
          + ", which JSON cannot represent");
    }
    return value;
  }

  private static String describe(JsonNode value) {
    return value == null ? "nothing" : value.getNodeType().name().toLowerCase() + " " + value;
  }

  private static ExecutionFailure invalid(String message) {
    return new ExecutionFailure(ExecutionFailure.INVALID_INPUT, message);
  }
}
