package io.wasmhive.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code $wasm:} resolution with the SDK's value extraction and messages. */
class WasmRefResolverTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void valueComesFromResultResultValueThenValueThenTheWholeResult() {
    WasmRefResolver refs = new WasmRefResolver();
    refs.put("nested", json("{\"ok\":true,\"result\":{\"value\":\"1000\",\"source\":\"eth_call\"},\"value\":\"no\"}"));
    refs.put("flat", json("{\"value\":42,\"other\":1}"));
    refs.put("nullValue", json("{\"value\":null}"));
    refs.put("whole", json("{\"amount\":\"7\"}"));
    refs.put("array", json("[1,2]"));
    refs.put("number", json("5"));
    refs.put("innerWithoutValue", json("{\"result\":{\"amount\":1},\"value\":\"outer\"}"));

    assertThat(refs.value("nested")).isEqualTo(json("\"1000\""));
    assertThat(refs.value("flat")).isEqualTo(json("42"));
    assertThat(refs.value("nullValue").isNull()).isTrue();
    assertThat(refs.value("whole")).isEqualTo(json("{\"amount\":\"7\"}"));
    assertThat(refs.value("array")).isEqualTo(json("[1,2]"));
    assertThat(refs.value("number")).isEqualTo(json("5"));
    assertThat(refs.value("innerWithoutValue")).isEqualTo(json("\"outer\""));
  }

  @Test
  void referencesAreWholeArgumentsAndNestedStructuresAreWalked() {
    WasmRefResolver refs = new WasmRefResolver();
    refs.put("w1", json("{\"value\":\"9\"}"));

    assertThat(refs.resolve(json("[\"$wasm:w1\",\"0xabc\",[\"$wasm:w1\"],{\"a\":\"$wasm:w1\",\"b\":1}]")))
        .isEqualTo(json("[\"9\",\"0xabc\",[\"9\"],{\"a\":\"9\",\"b\":1}]"));
    assertThat(refs.resolve(json("\"prefix $wasm:w1\""))).isEqualTo(json("\"prefix $wasm:w1\""));
    assertThatThrownBy(() -> refs.resolve(json("\"$wasm:w1.value\"")))
        .isInstanceOf(WasmRefException.class)
        .hasMessage("WASM reference not found: w1.value. Available WASM step IDs: [w1]");
  }

  @Test
  void anUnknownIdNamesTheAvailableOnes() {
    WasmRefResolver refs = new WasmRefResolver();
    assertThatThrownBy(() -> refs.value("x")).hasMessage("WASM reference not found: x. Available WASM step IDs: [none]");
    refs.put("a", json("1"));
    refs.put("b", json("2"));
    assertThatThrownBy(() -> refs.value("x")).hasMessage("WASM reference not found: x. Available WASM step IDs: [a, b]");
  }

  @Test
  void aFailedResultIsAnExecutionErrorWithTheSdksMessage() {
    WasmRefResolver refs = new WasmRefResolver();
    refs.put("nestedError", json("{\"ok\":false,\"result\":{\"error\":\"insufficient data\"},\"error\":\"outer\"}"));
    refs.put("outerError", json("{\"ok\":false,\"error\":\"rpc failed\"}"));
    refs.put("noError", json("{\"ok\":false,\"error\":\"\"}"));

    assertThatThrownBy(() -> refs.value("nestedError")).isInstanceOf(WasmRefException.class)
        .hasMessage("WASM execution error for nestedError: insufficient data");
    assertThatThrownBy(() -> refs.value("outerError")).hasMessage("WASM execution error for outerError: rpc failed");
    assertThatThrownBy(() -> refs.value("noError")).hasMessage("WASM execution error for noError: Unknown WASM error");
  }

  @Test
  void theFirstResultOfAnIdWinsAndDeepNestingIsRefused() {
    WasmRefResolver refs = new WasmRefResolver();
    refs.put("w", json("{\"value\":1}"));
    refs.put("w", json("{\"value\":2}"));
    assertThat(refs.value("w")).isEqualTo(json("1"));

    String deep = "[".repeat(WasmRefResolver.MAX_DEPTH + 2) + "]".repeat(WasmRefResolver.MAX_DEPTH + 2);
    assertThatThrownBy(() -> refs.resolve(json(deep))).isInstanceOf(WasmRefException.class)
        .hasMessageContaining("nested deeper than");
    String allowed = "[".repeat(WasmRefResolver.MAX_DEPTH + 1) + "]".repeat(WasmRefResolver.MAX_DEPTH + 1);
    assertThat(refs.resolve(json(allowed))).isEqualTo(json(allowed));
  }
}
