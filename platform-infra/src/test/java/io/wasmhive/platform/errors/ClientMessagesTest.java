package io.wasmhive.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class ClientMessagesTest {

  record Param(String name, int size) {
  }

  record Body(String title, List<Param> params) {
  }

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static String problem(String json) {
    Throwable failure = catchThrowable(() -> JSON.readValue(json, Body.class));
    assertThat(failure).as("Jackson refuses %s", json).isNotNull();
    // Jackson's own message names the Java types: the reason this class exists.
    String message = ClientMessages.jsonProblem(new IllegalStateException("wrapped", failure));
    assertThat(message).doesNotContain("java.", "io.wasmhive", "Exception", "`", "ClientMessagesTest");
    return message;
  }

  @Test
  void syntaxErrorsSayWhere() {
    assertThat(problem("{\"title\": }")).isEqualTo("it is not valid JSON (line 1, column 11)");
  }

  @Test
  void typeErrorsNameTheJsonPathNotTheJavaType() {
    assertThat(problem("{\"title\": {\"a\": 1}}")).isEqualTo("'title' is missing or has the wrong type");
    assertThat(problem("{\"params\": [{\"name\": \"a\", \"size\": \"big\"}]}"))
        .isEqualTo("'params[0].size' is missing or has the wrong type");
  }

  @Test
  void unknownFieldsAreNamed() {
    assertThat(problem("{\"params\": [{\"nmae\": \"a\", \"size\": 1}]}")).isEqualTo("'params[0].nmae' is not a known field");
  }

  @Test
  void theParsersSentenceIsKeptWhereItNamesNoJavaTypeAndTrailingTokensAreSaidPlainly() {
    JsonMapper trees = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
        .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder().maxNestingDepth(2).build())
        .build()).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    java.util.function.Function<String, String> parse = text -> ClientMessages.parserMessage(
        (tools.jackson.core.JacksonException) catchThrowable(() -> trees.readTree(text)));
    // Found by the HTTP fuzzer (docs/fuzzing-http.md, finding 15): Jackson's message for {"a":1}{"b":2} was
    // "Trailing token (`JsonToken.START_OBJECT`) found after value (bound as `tools.jackson.databind.JsonNode`)…".
    assertThat(parse.apply("{\"a\":1}{\"b\":2}")).isEqualTo("content follows the JSON value (line 1, column 8)");
    assertThat(parse.apply("[1] 2")).startsWith("content follows the JSON value");
    assertThat(parse.apply("{\"a\":1,\"a\":2}")).isEqualTo("Duplicate Object property \"a\"");
    assertThat(parse.apply("{\"a\": x}")).startsWith("Unrecognized token 'x'");
    assertThat(parse.apply("[[[1]]]")).isEqualTo("Document nesting depth (3) exceeds the maximum allowed (2)");
    for (String text : List.of("{\"a\":1}{\"b\":2}", "[1] 2", "{\"a\":1,\"a\":2}", "{\"a\": x}", "[[[1]]]", "{",
        "\"\u0001\"")) {
      assertThat(parse.apply(text)).as(text).isNotBlank().doesNotContain("java.", "tools.jackson", "`", "Exception");
    }
  }

  @Test
  void aFailureWithoutJacksonInItIsStillASentence() {
    assertThat(ClientMessages.jsonProblem(new IllegalArgumentException("java.lang.Foo"))).isEqualTo("it is not valid JSON");
  }
}
