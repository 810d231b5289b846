package io.wasmhive.workflow.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The first non-empty stdout line is the result; the verdicts and their Node 20 style details. */
class StdoutResultTest {

  private final StdoutResult result = new StdoutResult(JsonMapper.builder().build());

  @Test
  void firstNonEmptyLineIsTheResultAndLaterLinesAreIgnored() {
    assertThat(parse("\n  \r\n {\"a\":1} \nnot json\n").value().toString()).isEqualTo("{\"a\":1}");
    assertThat(parse("[1,2]").value().toString()).isEqualTo("[1,2]");
    assertThat(parse("null\n").value().isNull()).isTrue();
    assertThat(parse("\"text\"").value().asString()).isEqualTo("text");
  }

  @Test
  void verdictsWhenThereIsNoResult() {
    assertThat(parse("").error()).isEqualTo("empty stdout");
    assertThat(parse(" \n\t\n").error()).isEqualTo("empty stdout");
    assertThat(parse("hello\n{}").error()).isEqualTo("stdout is not JSON: Unexpected token 'h', \"hello\" is not valid JSON");
    assertThat(parse("undefined").error()).isEqualTo("stdout is not JSON: \"undefined\" is not valid JSON");
    assertThat(parse("{\"a\":").error()).isEqualTo("stdout is not JSON: Unexpected end of JSON input");
    assertThat(parse("{} {}").error()).startsWith("stdout is not JSON: ");
  }

  @Test
  void aValueFollowedByMoreIsRefusedWithNode20sMessage() {
    // Each message as node v20.20.2 prints it for JSON.parse of the line; Jackson's own named JsonNode's Java type.
    assertThat(parse("{} {}").error())
        .isEqualTo("stdout is not JSON: Unexpected non-whitespace character after JSON at position 3");
    assertThat(parse("[1]x").error())
        .isEqualTo("stdout is not JSON: Unexpected non-whitespace character after JSON at position 3");
    assertThat(parse("1 2").error())
        .isEqualTo("stdout is not JSON: Unexpected non-whitespace character after JSON at position 2");
    assertThat(parse("{\"a\":1}{\"b\":2}\nnext").error())
        .isEqualTo("stdout is not JSON: Unexpected non-whitespace character after JSON at position 7");
    // The line is trimmed first (as the simulator does); positions count UTF-16 code units, as JavaScript's do.
    assertThat(parse("  {\"é\":\"€\"} \t ,").error())
        .isEqualTo("stdout is not JSON: Unexpected non-whitespace character after JSON at position 12");
    assertThat(parse("\"\uD83D\uDE00\" x").error())
        .isEqualTo("stdout is not JSON: Unexpected non-whitespace character after JSON at position 5");
    // Whitespace after the value is not more.
    assertThat(parse("{\"a\":[1, 2]} \t ").value().toString()).isEqualTo("{\"a\":[1,2]}");
    assertThat(parse("\"x\"\t").value().asString()).isEqualTo("x");
  }

  private StdoutResult.Parsed parse(String stdout) {
    return result.parse(stdout.getBytes(StandardCharsets.UTF_8));
  }
}
