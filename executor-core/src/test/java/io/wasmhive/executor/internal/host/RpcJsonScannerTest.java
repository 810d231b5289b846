package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpcJsonScannerTest {

  @Test
  void extractsTheTopLevelIdOnly() {
    assertThat(scan("{\"params\":{\"id\":99},\"id\":7,\"method\":\"eth_call\"}").id()).isEqualTo("7");
    assertThat(scan("{\"id\":\"a\\\"b\"}").id()).isEqualTo("\"a\\\"b\"");
    assertThat(scan(" {\"id\" : -1.5e3 } ").id()).isEqualTo("-1.5e3");
    assertThat(scan("{\"id\":null}").id()).isEqualTo("null");
    assertThat(scan("{\"method\":\"x\"}").id()).isEqualTo("null");
  }

  @Test
  void flagsIdsOfTheWrongType() {
    JsonRequestScan scan = scan("{\"id\":{\"x\":1}}");
    assertThat(scan.wellFormed()).isTrue();
    assertThat(scan.idValid()).isFalse();
    assertThat(scan.id()).isEqualTo("null");
    assertThat(scan("{\"id\":true}").idValid()).isFalse();
  }

  @Test
  void knowsObjectsFromOtherValues() {
    assertThat(scan("{}").object()).isTrue();
    assertThat(scan("[{\"id\":1}]").object()).isFalse();
    assertThat(scan("[{\"id\":1}]").wellFormed()).isTrue();
    assertThat(scan("\"text\"").object()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"id\":1", "{\"id\":1,}", "[1,]", "{'id':1}", "{\"id\":01}", "{\"a\":tru}",
    "{\"a\":\"\\x\"}", "{\"a\":1} x", "{\"a\":\"\u0001\"}", "{\"a\":1.}", "nul"})
  void rejectsMalformedJson(String json) {
    assertThat(scan(json).wellFormed()).isFalse();
  }

  /** Found by JsonScannerFuzzTest: invalid UTF-8 inside a string was accepted and handed to the handler. */
  @ParameterizedTest
  @ValueSource(strings = {"a1", "c0 80", "c1 bf", "e0 80 80", "ed a0 80", "f0 80 80 80", "f4 90 80 80", "f5 80 80 80",
    "c3", "e2 82", "ff"})
  void rejectsStringsThatAreNotUtf8(String hex) {
    byte[] inner = HexFormat.ofDelimiter(" ").parseHex(hex);
    byte[] json = new byte[inner.length + 2];
    json[0] = '"';
    System.arraycopy(inner, 0, json, 1, inner.length);
    json[json.length - 1] = '"';
    assertThat(JsonScanner.scan(json).wellFormed()).as(hex).isFalse();
  }

  @Test
  void acceptsEveryLengthOfUtf8() {
    assertThat(scan("{\"id\":\"caf\u00e9 \u20ac \ud83d\ude00 \u007f\"}").wellFormed()).isTrue();
    assertThat(scan("\"\uffff\"").wellFormed()).isTrue();
    assertThat(JsonScanner.scan(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '1'}).wellFormed())
        .as("a byte order mark").isFalse();
  }

  @Test
  void survivesHostileNesting() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(scan(deep).wellFormed()).isFalse();
    assertThat(scan("[".repeat(200) + "]".repeat(200)).wellFormed()).isTrue();
  }

  private static JsonRequestScan scan(String json) {
    return JsonScanner.scan(json.getBytes(StandardCharsets.UTF_8));
  }
}
