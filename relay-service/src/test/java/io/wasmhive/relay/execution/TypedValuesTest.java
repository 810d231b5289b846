package io.wasmhive.relay.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.ModuleInfo.Signature;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TypedValuesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Signature I32_I32 = new Signature(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32));

  @Test
  void i32ArgumentsAreCheckedAtAndJustPastTheirRange() {
    assertThat(TypedValues.arguments("add", I32_I32, json("[2147483647, -2147483648]")))
        .containsExactly(WasmValue.i32(Integer.MAX_VALUE), WasmValue.i32(Integer.MIN_VALUE));
    assertInvalid(json("[2147483648, 0]"), "argument 0 of add (i32) must be between -2147483648 and 2147483647");
    assertInvalid(json("[0, -2147483649]"), "argument 1 of add (i32)");
    assertInvalid(json("[1.5, 2]"), "must be an integer");
    assertInvalid(json("[\"1\", 2]"), "must be a number, got string");
    assertInvalid(json("[true, 2]"), "must be a number, got boolean");
  }

  @Test
  void theCountMustMatchAndInputsMustBeAnArray() {
    assertInvalid(json("[1]"), "add takes 2 arguments [I32, I32], inputs has 1");
    assertInvalid(json("[1, 2, 3]"), "inputs has 3");
    assertInvalid(json("{\"a\": 1}"), "inputs must be a JSON array of 2 numbers");
  }

  @Test
  void i64AndFloatsTakeTheirWholeRange() {
    Signature sig = new Signature(List.of(ValueType.I64, ValueType.F32, ValueType.F64), List.of());
    assertThat(TypedValues.arguments("f", sig, json("[9223372036854775807, 1.5, 1e300]")))
        .containsExactly(WasmValue.i64(Long.MAX_VALUE), WasmValue.f32(1.5f), WasmValue.f64(1e300));
    assertThatThrownBy(() -> TypedValues.arguments("f", sig, json("[9223372036854775808, 1, 1]")))
        .hasMessageContaining("argument 0 of f (i64)");
    assertThatThrownBy(() -> TypedValues.arguments("f", sig, json("[1, 1e39, 1]")))
        .hasMessageContaining("argument 1 of f (f32) is out of range");
  }

  @Test
  void resultsBecomeJson() {
    assertThat(TypedValues.output(List.of())).isEqualTo(json("null"));
    assertThat(TypedValues.output(List.of(WasmValue.i32(3)))).isEqualTo(json("3"));
    assertThat(TypedValues.output(List.of(WasmValue.i32(3), WasmValue.i64(-4)))).hasToString("[3,-4]");
    assertThat(TypedValues.output(List.of(WasmValue.f64(90.0))).doubleValue()).isEqualTo(90.0);
    assertThatThrownBy(() -> TypedValues.output(List.of(WasmValue.f64(Double.NaN))))
        .isInstanceOfSatisfying(ExecutionFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_OUTPUT"));
  }

  private static void assertInvalid(JsonNode inputs, String message) {
    assertThatThrownBy(() -> TypedValues.arguments("add", I32_I32, inputs))
        .isInstanceOfSatisfying(ExecutionFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining(message);
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
