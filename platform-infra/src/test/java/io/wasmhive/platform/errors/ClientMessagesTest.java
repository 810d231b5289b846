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
  void aFailureWithoutJacksonInItIsStillASentence() {
    assertThat(ClientMessages.jsonProblem(new IllegalArgumentException("java.lang.Foo"))).isEqualTo("it is not valid JSON");
  }
}
