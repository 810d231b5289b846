package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.base64;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * TEXT, BYTES and JSON procedures through the bytes ABI over real HTTP, with the C and Rust templates of the
 * guest corpus ({@code c-proc-text.wasm}, {@code rust-proc-json.wasm}).
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "wasmhive.data-dir=target/it-data/bytes-abi")
class ProcedureBytesAbiIntegrationTests {

  /** The executor's default result limit (Policy: 256 KiB). */
  private static final int MAX_OUTPUT = 256 * 1024;

  @LocalServerPort
  int port;

  HttpProbe http;

  @BeforeEach
  void database() {
    http = new HttpProbe(port, "it-" + UUID.randomUUID());
  }

  @Test
  void textInTextOutKeepsUnicode() {
    created("c-proc-text.wasm", "greet", List.of(param("name", "TEXT")), "TEXT", null);
    assertThat(call("greet", "Ada").body().get("result").asString()).isEqualTo("Hello, Ada!");
    assertThat(call("greet", "Zoë 🐝").body().get("result").asString()).isEqualTo("Hello, Zoë 🐝!");
    assertThat(call("greet", "").body().get("result").asString()).isEqualTo("Hello, !");
  }

  @Test
  void bytesTravelAsBase64AndBadBase64IsATypeMismatch() {
    created("c-proc-text.wasm", "reverse", List.of(param("data", "BYTES")), "BYTES", null);
    Reply reply = call("reverse", base64Of(new byte[] {1, 2, (byte) 0xff}));
    assertThat(Base64.getDecoder().decode(reply.body().get("result").asString())).containsExactly(0xff, 2, 1);
    assertError(call("reverse", "not base64!"), 400, "TYPE_MISMATCH");
    assertError(call("reverse", 42), 400, "TYPE_MISMATCH");
  }

  @Test
  void numericParametersMixWithTextAndAreRangeChecked() {
    created("c-proc-text.wasm", "repeat", List.of(param("text", "TEXT"), param("times", "INT")), "TEXT", null);
    assertThat(call("repeat", "ab", 3).body().get("result").asString()).isEqualTo("ababab");
    assertThat(call("repeat", "ab", -1).body().get("result").asString()).isEmpty();
    assertError(call("repeat", "ab", 2_147_483_648L), 400, "TYPE_MISMATCH");
    assertError(call("repeat", "ab", "3"), 400, "TYPE_MISMATCH");
    assertError(call("repeat", "ab"), 400, "BAD_REQUEST");
  }

  @Test
  void jsonInJsonOutFromTheRustTemplate() {
    created("rust-proc-json.wasm", "order_total", List.of(param("order", "JSON")), "JSON", null);
    Reply reply = call("order_total", Map.of("items", List.of(Map.of("price", 12.5, "qty", 2),
        Map.of("price", 5, "qty", 1)), "discount_pct", 10));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().get("result").toString()).isEqualTo("{\"items\":2,\"subtotal\":30.0,\"total\":27.0}");
    assertThat(call("order_total", "nope").body().get("result").toString())
        .isEqualTo("{\"error\":\"items must be an array\"}");

    created("rust-proc-json.wasm", "describe", List.of(param("name", "TEXT"), param("age", "INT")), "JSON", null);
    assertThat(call("describe", "Ada", 36).body().get("result").toString())
        .isEqualTo("{\"adult\":true,\"age\":36,\"name\":\"Ada\"}");
  }

  @Test
  void resultsThatDoNotMatchTheDeclaredTypeAreInvalidResults() {
    created("c-proc-text.wasm", "reverse", List.of(param("text", "TEXT")), "TEXT", null);
    // "é" is C3 A9 in UTF-8; reversed, A9 C3 is not UTF-8.
    Reply reply = call("reverse", "é");
    assertError(reply, 422, "INVALID_RESULT");
    assertThat(reply.body().get("error").get("message").asString()).contains("UTF-8");
    created("c-proc-text.wasm", "greet", List.of(param("name", "TEXT")), "JSON", null);
    assertError(call("greet", "Ada"), 422, "INVALID_RESULT");
  }

  @Test
  void declarationsThatDoNotFitTheBytesAbiAreRefusedAtCreation() {
    Reply wrongModule = create("c-add.wasm", "add", List.of(param("a", "TEXT"), param("b", "INT")), "INT", null);
    assertError(wrongModule, 400, "TYPE_MISMATCH");
    assertThat(wrongModule.body().get("error").get("message").asString())
        .contains("parameter 'a' is TEXT", "bytes ABI", "(ptr i32, len i32) pair per parameter", "[i32, i32, i32, i32]");
    assertError(create("c-proc-text.wasm", "repeat", List.of(param("text", "TEXT")), "TEXT", null), 400,
        "TYPE_MISMATCH");
    assertError(create("c-proc-text.wasm", "greet", List.of(param("name", "STRING")), "TEXT", null), 400,
        "BAD_REQUEST");
    assertThat(http.get("/procedures").body().get("count").asInt()).isZero();
  }

  @Test
  void resultsAreBoundedByTheOutputLimitAtItsEdge() {
    created("c-proc-text.wasm", "repeat", List.of(param("text", "TEXT"), param("times", "INT")), "TEXT", null);
    String kib = "x".repeat(1024);
    assertThat(call("repeat", kib, MAX_OUTPUT / 1024).body().get("result").asString()).hasSize(MAX_OUTPUT);
    Reply over = call("repeat", kib + "x", MAX_OUTPUT / 1024);
    assertError(over, 422, "OUTPUT_LIMIT");
    assertThat(call("repeat", "ok", 1).body().get("result").asString()).isEqualTo("ok");
  }

  @Test
  void memoryBeyondTheProcedureLimitFailsTheCallNotTheService() {
    long twoPages = 2 * 65_536;
    created("c-proc-text.wasm", "repeat", List.of(param("text", "TEXT"), param("times", "INT")), "TEXT",
        Map.of("max_memory", twoPages));
    assertThat(call("repeat", "ab", 2).body().get("result").asString()).isEqualTo("abab");
    Reply over = call("repeat", "x".repeat(1024), 100);
    assertError(over, 422, "MEMORY_LIMIT");
    assertThat(call("repeat", "ab", 2).body().get("result").asString()).isEqualTo("abab");
  }

  private void created(String guest, String name, List<Map<String, String>> params, String returnType,
      Map<String, Object> limits) {
    Reply reply = create(guest, name, params, returnType, limits);
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
  }

  private Reply create(String guest, String name, List<Map<String, String>> params, String returnType,
      Map<String, Object> limits) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "language", "wasm",
        "wasm_base64", base64(guest), "params", params, "return_type", returnType));
    if (limits != null) {
      body.put("limits", limits);
    }
    return http.post("/procedures", json(body));
  }

  private Reply call(String name, Object... args) {
    List<Object> list = new ArrayList<>(List.of(args));
    return http.post("/procedures/" + name + "/call", json(Map.of("args", list)));
  }

  private static Map<String, String> param(String name, String type) {
    return Map.of("name", name, "data_type", type);
  }

  private static String base64Of(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
    assertThat(reply.body().get("error").get("code").asString()).isEqualTo(code);
  }
}
