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

/**
 * The relay's rule for typed calls: inputs are an array of one number per parameter, each converted by
 * platform-infra's {@code WasmJson} (whose range checks {@code WasmJsonTest} covers), every failure
 * {@code INVALID_INPUT}; results come back as JSON, {@code INVALID_OUTPUT} when JSON has no such number.
 */
class ModuleRunnerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Signature I32_I32 = new Signature(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32));

  @Test
  void eachInputBecomesTheArgumentOfItsParameter() {
    assertThat(ModuleRunner.arguments("add", I32_I32, json("[2147483647, -2147483648]")))
        .containsExactly(WasmValue.i32(Integer.MAX_VALUE), WasmValue.i32(Integer.MIN_VALUE));
    Signature mixed = new Signature(List.of(ValueType.I64, ValueType.F32, ValueType.F64), List.of());
    assertThat(ModuleRunner.arguments("f", mixed, json("[9223372036854775807, 1.5, 1e300]")))
        .containsExactly(WasmValue.i64(Long.MAX_VALUE), WasmValue.f32(1.5f), WasmValue.f64(1e300));
  }

  @Test
  void theCountMustMatchAndInputsMustBeAnArray() {
    assertInvalid(json("[1]"), "add takes 2 arguments [I32, I32], inputs has 1");
    assertInvalid(json("[1, 2, 3]"), "inputs has 3");
    assertInvalid(json("{\"a\": 1}"), "inputs must be a JSON array of 2 numbers");
    assertInvalid(null, "inputs must be a JSON array of 2 numbers");
  }

  @Test
  void aValueThatIsNoArgumentOfItsTypeIsInvalidInputNamingItsPlace() {
    assertInvalid(json("[2147483648, 0]"),
        "argument 0 of add (i32) is out of range: it must be between -2147483648 and 2147483647, got 2147483648");
    assertInvalid(json("[0, -2147483649]"), "argument 1 of add (i32)");
    assertInvalid(json("[1.5, 2]"), "must be an integer");
    assertInvalid(json("[\"1\", 2]"), "must be a number, got string");
    assertInvalid(json("[true, 2]"), "must be a number, got boolean");
    Signature f32 = new Signature(List.of(ValueType.I64, ValueType.F32), List.of());
    assertThatThrownBy(() -> ModuleRunner.arguments("f", f32, json("[1, 1e39]")))
        .hasMessageContaining("argument 1 of f (f32) is out of range");
  }

  @Test
  void resultsBecomeJsonAndANumberJsonHasNotIsInvalidOutput() {
    assertThat(ModuleRunner.output(List.of())).isEqualTo(json("null"));
    assertThat(ModuleRunner.output(List.of(WasmValue.i32(3)))).isEqualTo(json("3"));
    assertThat(ModuleRunner.output(List.of(WasmValue.i32(3), WasmValue.i64(-4)))).hasToString("[3,-4]");
    assertThatThrownBy(() -> ModuleRunner.output(List.of(WasmValue.f64(Double.NaN))))
        .isInstanceOfSatisfying(ExecutionFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_OUTPUT"))
        .hasMessage("the module returned NaN, which JSON cannot represent");
  }

  private static void assertInvalid(JsonNode inputs, String message) {
    assertThatThrownBy(() -> ModuleRunner.arguments("add", I32_I32, inputs))
        .isInstanceOfSatisfying(ExecutionFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
        .hasMessageContaining(message);
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }
}
