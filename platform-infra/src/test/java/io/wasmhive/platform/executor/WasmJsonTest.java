package io.wasmhive.platform.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

class WasmJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void i32TakesExactlyItsRange() {
    assertThat(value("2147483647", ValueType.I32)).isEqualTo(WasmValue.i32(Integer.MAX_VALUE));
    assertThat(value("-2147483648", ValueType.I32)).isEqualTo(WasmValue.i32(Integer.MIN_VALUE));
    assertRefused("2147483648", ValueType.I32, "argument 0 of add (i32) is out of range: it must be between "
        + "-2147483648 and 2147483647, got 2147483648");
    assertRefused("-2147483649", ValueType.I32, "out of range");
    assertRefused("99999999999999999999999", ValueType.I32, "out of range");
  }

  @Test
  void i64TakesItsWholeRangeAndNothingBeyond() {
    assertThat(value("9223372036854775807", ValueType.I64)).isEqualTo(WasmValue.i64(Long.MAX_VALUE));
    assertThat(value("-9223372036854775808", ValueType.I64)).isEqualTo(WasmValue.i64(Long.MIN_VALUE));
    assertRefused("9223372036854775808", ValueType.I64, "argument 0 of add (i64) is out of range");
    assertRefused("-9223372036854775809", ValueType.I64, "is out of range");
  }

  @Test
  void integersTakeNoFractionNorExponent() {
    assertRefused("1.5", ValueType.I32, "argument 0 of add (i32) must be an integer, got 1.5");
    assertRefused("1e3", ValueType.I64, "must be an integer");
  }

  @Test
  void floatsTakeAnyFiniteNumberWithinTheirRange() {
    assertThat(value("1.5", ValueType.F32)).isEqualTo(WasmValue.f32(1.5f));
    assertThat(value("100", ValueType.F64)).isEqualTo(WasmValue.f64(100.0));
    assertThat(value("1e300", ValueType.F64)).isEqualTo(WasmValue.f64(1e300));
    assertThat(value("-3.4028234663852886e38", ValueType.F32)).isEqualTo(WasmValue.f32(-Float.MAX_VALUE));
    assertRefused("1e39", ValueType.F32, "argument 0 of add (f32) is out of range: it must be a finite number");
    assertRefused("1e400", ValueType.F64, "(f64) is out of range");
  }

  @Test
  void onlyNumbersAreNumbers() {
    assertRefused("\"1\"", ValueType.I32, "argument 0 of add (i32) must be a number, got string \"1\"");
    assertRefused("true", ValueType.I32, "must be a number, got boolean true");
    assertRefused("null", ValueType.F64, "must be a number, got null");
    assertRefused("[1]", ValueType.I64, "must be a number, got array [1]");
    assertThatThrownBy(() -> WasmJson.toValue(MissingNode.getInstance(), ValueType.I32, "argument 'b'"))
        .isInstanceOf(ValueConversionException.class).hasMessage("argument 'b' (i32) must be a number, got nothing");
    assertThatThrownBy(() -> WasmJson.toValue(null, ValueType.I32, "x")).hasMessageEndingWith("got nothing");
  }

  @Test
  void resultsBecomeJsonNumbers() {
    assertThat(WasmJson.toJson(List.of())).isEqualTo(json("null"));
    assertThat(WasmJson.toJson(List.of(WasmValue.i32(3)))).isEqualTo(json("3"));
    assertThat(WasmJson.toJson(List.of(WasmValue.i32(3), WasmValue.i64(-4)))).hasToString("[3,-4]");
    assertThat(WasmJson.toJson(WasmValue.i64(Long.MIN_VALUE)).longValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(WasmJson.toJson(WasmValue.f32(1.5f)).floatValue()).isEqualTo(1.5f);
    assertThat(WasmJson.toJson(List.of(WasmValue.f64(90.0))).doubleValue()).isEqualTo(90.0);
  }

  @Test
  void nanAndTheInfinitiesHaveNoJsonNumber() {
    assertThatThrownBy(() -> WasmJson.toJson(List.of(WasmValue.f64(Double.NaN))))
        .isInstanceOf(ValueConversionException.class).hasMessage("the module returned NaN, which JSON cannot represent");
    assertThatThrownBy(() -> WasmJson.toJson(WasmValue.f32(Float.NEGATIVE_INFINITY)))
        .isInstanceOf(ValueConversionException.class).hasMessageContaining("-Infinity");
  }

  private static WasmValue value(String json, ValueType type) {
    return WasmJson.toValue(json(json), type, "argument 0 of add");
  }

  private static void assertRefused(String json, ValueType type, String message) {
    assertThatThrownBy(() -> value(json, type)).as(json).isInstanceOf(ValueConversionException.class)
        .hasMessageContaining(message);
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
