package io.wasmhive.platform.executor;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * JSON numbers to typed WebAssembly values and back, the one conversion every service uses. Arguments are checked
 * strictly, never wrapped or rounded: an {@code i32} takes an integer from -2147483648 to 2147483647, an
 * {@code i64} an integer within 64 bits (no fraction, and no exponent, which makes a JSON number a float),
 * {@code f32} and {@code f64} any finite number within their range; anything else is a
 * {@link ValueConversionException}. Results: an integer or a float number; NaN and the infinities, which JSON
 * has no number for, are a {@link ValueConversionException}. Stateless.
 */
public final class WasmJson {

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private WasmJson() {
  }

  /**
   * The JSON number {@code json} as a value of {@code type}.
   *
   * @param subject names the value in the message, e.g. {@code argument 0 of add}; the type is added after it
   * @throws ValueConversionException when {@code json} is no number, or no number of that type
   */
  public static WasmValue toValue(JsonNode json, ValueType type, String subject) {
    String where = subject + " (" + type.name().toLowerCase(Locale.ROOT) + ")";
    if (json == null || !json.isNumber()) {
      throw new ValueConversionException(where + " must be a number, got " + describe(json));
    }
    return switch (type) {
      case I32 -> WasmValue.i32((int) integral(where, json, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case I64 -> WasmValue.i64(integral(where, json, Long.MIN_VALUE, Long.MAX_VALUE));
      case F32 -> WasmValue.f32((float) finite(where, json, Float.MAX_VALUE));
      case F64 -> WasmValue.f64(finite(where, json, Double.MAX_VALUE));
    };
  }

  private static long integral(String where, JsonNode json, long min, long max) {
    if (!json.isIntegralNumber()) {
      throw new ValueConversionException(where + " must be an integer, got " + json);
    }
    BigInteger value = json.bigIntegerValue();
    if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0 || value.longValue() < min
        || value.longValue() > max) {
      throw new ValueConversionException(where + " is out of range: it must be between " + min + " and " + max
          + ", got " + json);
    }
    return value.longValue();
  }

  private static double finite(String where, JsonNode json, double max) {
    double value = json.doubleValue();
    if (!Double.isFinite(value) || Math.abs(value) > max) {
      throw new ValueConversionException(where + " is out of range: it must be a finite number of magnitude at most "
          + max + ", got " + json);
    }
    return value;
  }

  private static String describe(JsonNode json) {
    if (json == null || json.isMissingNode()) {
      return "nothing";
    }
    return json.isNull() ? "null" : json.getNodeType().name().toLowerCase(Locale.ROOT) + " " + json;
  }

  /**
   * A result as a JSON number: {@code i32} and {@code i64} as integers, {@code f32} and {@code f64} as floats.
   *
   * @throws ValueConversionException for NaN and the infinities
   */
  public static JsonNode toJson(WasmValue value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (value.type()) {
      case I32 -> f.numberNode(value.asInt());
      case I64 -> f.numberNode(value.asLong());
      case F32 -> f.numberNode((float) finiteResult(value.asFloat()));
      case F64 -> f.numberNode(finiteResult(value.asDouble()));
    };
  }

  /**
   * The results of a typed call as one JSON value: none is {@code null}, one is that number, several (multi-value)
   * an array of them.
   *
   * @throws ValueConversionException when a result is NaN or infinite
   */
  public static JsonNode toJson(List<WasmValue> values) {
    if (values.isEmpty()) {
      return NullNode.getInstance();
    }
    if (values.size() == 1) {
      return toJson(values.get(0));
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(v -> array.add(toJson(v)));
    return array;
  }

  private static double finiteResult(double value) {
    if (!Double.isFinite(value)) {
      throw new ValueConversionException("the module returned " + value + ", which JSON cannot represent");
    }
    return value;
  }
}
