package io.wasmhive.workflow.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonDifferenceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void equalValuesHaveNoDifferenceWhateverTheMemberOrderOrNumberForm() {
    assertThat(first("{\"a\":1,\"b\":[1,2,{\"c\":null}]}", "{\"b\":[1.0,2,{\"c\":null}],\"a\":1}")).isNull();
    assertThat(first("115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935")).isNull();
  }

  @Test
  void theFirstDifferenceInDocumentOrderIsNamedByItsPath() {
    assertThat(first("{\"a\":{\"b\":[1,2,3]},\"z\":1}", "{\"a\":{\"b\":[1,5,3]},\"z\":2}"))
        .isEqualTo(at("result.a.b[1]", "2", "5"));
    assertThat(first("{\"a\":1}", "{\"a\":1,\"extra\":true}")).isEqualTo(at("result.extra", null, "true"));
    assertThat(first("{\"a\":1,\"gone\":true}", "{\"a\":1}")).isEqualTo(at("result.gone", "true", null));
    assertThat(first("[1,2]", "[1,2,3]")).isEqualTo(at("result[2]", null, "3"));
    assertThat(first("\"1\"", "1")).isEqualTo(at("result", "\"1\"", "1"));
    assertThat(first("{\"a\":1}", "[1]")).isEqualTo(at("result", "{\"a\":1}", "[1]"));
    assertThat(first("1", "2")).isEqualTo(at("result", "1", "2"));
  }

  private static JsonDifference.At first(String expected, String got) {
    return JsonDifference.first("result", JSON.readTree(expected), JSON.readTree(got));
  }

  private static JsonDifference.At at(String path, String expected, String got) {
    return new JsonDifference.At(path, node(expected), node(got));
  }

  private static JsonNode node(String text) {
    return text == null ? null : JSON.readTree(text);
  }
}
