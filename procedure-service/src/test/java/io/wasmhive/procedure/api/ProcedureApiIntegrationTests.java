package io.wasmhive.procedure.api;

import static io.wasmhive.procedure.api.HttpProbe.base64;
import static io.wasmhive.procedure.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.procedure.api.HttpProbe.Reply;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * procedure-service over real HTTP on the embedded MongoDB stand-in, with real guest modules. Each test works
 * in a database of its own, because the stand-in's data directory outlives a test run.
 */
@ServiceIntegrationTest
// A data directory of its own: the H2 file of another cached context would be locked.
@TestPropertySource(properties = {"wasmhive.data-dir=target/it-data/api", "procedure.max-body-size=1MB",
    "procedure.max-module-size=64KB"})
class ProcedureApiIntegrationTests {

  @LocalServerPort
  int port;

  HttpProbe http;

  @BeforeEach
  void database() {
    http = new HttpProbe(port, "it-" + UUID.randomUUID());
  }

  @Test
  void seedFlowCreatesListsCallsAndDropsInTheSeedsShapes() {
    Reply created = http.post("/procedures", json(Map.of(
        "name", "calculate_discount", "language", "wasm", "wasm_base64", base64("c-add.wasm"),
        "params", List.of(param("price", "FLOAT"), param("tier", "INT")),
        "return_type", "FLOAT", "description", "Calculate discount based on tier")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.fields()).containsExactly("name", "message", "latency_ms");
    assertThat(created.body().get("name").asString()).isEqualTo("calculate_discount");
    assertThat(created.body().get("message").asString()).isEqualTo("Procedure created successfully");
    assertThat(created.body().get("latency_ms").isNumber()).isTrue();

    Reply listed = http.get("/procedures");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.fields()).containsExactly("procedures", "count", "latency_ms");
    assertThat(listed.body().get("count").asInt()).isEqualTo(1);
    var entry = listed.body().get("procedures").get(0);
    assertThat(Reply.fields(entry)).containsExactly(
        "name", "language", "params", "return_type", "description", "created_at", "updated_at");
    assertThat(entry.get("language").asString()).isEqualTo("wasm");
    assertThat(entry.get("params").toString())
        .isEqualTo("[{\"name\":\"price\",\"data_type\":\"FLOAT\"},{\"name\":\"tier\",\"data_type\":\"INT\"}]");
    assertThat(entry.get("return_type").asString()).isEqualTo("FLOAT");
    assertThat(entry.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    Reply called = http.post("/procedures/calculate_discount/call", "{\"args\": [100.0, 2]}");
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.fields()).containsExactly("result", "latency_ms");
    assertThat(called.body().get("result").asDouble()).isEqualTo(90.0);
    assertThat(http.post("/procedures/calculate_discount/call", "{\"args\": [19.99, 1]}").body().get("result")
        .asDouble()).isEqualTo(18.990499999999997);

    Reply one = http.get("/procedures/calculate_discount");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().get("sha256").asString()).isEqualTo(sha256(HttpProbe.bytes("c-add.wasm")));
    assertThat(one.body().get("size").asInt()).isEqualTo(HttpProbe.bytes("c-add.wasm").length);
    assertThat(one.body().get("version").asLong()).isEqualTo(1);
    assertThat(one.body().get("limits").get("max_memory").asLong()).isEqualTo(100L * 1024 * 1024);
    assertThat(one.body().get("limits").get("max_time_ms").asLong()).isEqualTo(5000);

    Reply dropped = http.delete("/procedures/calculate_discount");
    assertThat(dropped.status()).isEqualTo(200);
    assertThat(dropped.fields()).containsExactly("name", "message", "latency_ms");
    assertThat(dropped.body().get("message").asString()).isEqualTo("Procedure dropped successfully");
    assertThat(http.get("/procedures").body().get("count").asInt()).isZero();
  }

  @Test
  void base64WrappedByGnuBase64IsAcceptedAsTheSeedsCurlLinePastesIt() {
    String wrapped = base64("c-add.wasm").replaceAll("(.{76})", "$1\n");
    String body = "{\"name\": \"add\", \"language\": \"wasm\", \"wasm_base64\": \"" + wrapped + "\","
        + " \"params\": [{\"name\": \"a\", \"data_type\": \"INT\"}, {\"name\": \"b\", \"data_type\": \"INT\"}],"
        + " \"return_type\": \"INT\"}";
    assertThat(wrapped).contains("\n");
    assertThat(http.post("/procedures", body).status()).isEqualTo(201);
    assertThat(call("add", "[2, 3]").body().get("result").asInt()).isEqualTo(5);
  }

  @Test
  void limitsBelowTheModulesInitialMemoryAreRefusedAtCreation() {
    Map<String, Object> body = new LinkedHashMap<>(request("is_even", "rust-typed.wasm",
        List.of(param("n", "BIGINT")), "BOOL"));
    body.put("limits", Map.of("max_memory", 65_536));
    assertError(http.post("/procedures", json(body)), 400, "BAD_REQUEST", "initial memory");
    assertNothingStored("is_even");
  }

  @Test
  void anUnknownProcedureIsNotFound() {
    Reply call = http.post("/procedures/nope/call", "{\"args\": []}");
    assertThat(call.status()).isEqualTo(404);
    assertThat(call.fields()).containsExactly("error");
    assertThat(Reply.fields(call.body().get("error"))).containsExactly("code", "message");
    assertThat(call.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(call.errorMessage()).startsWith("procedure not found");
    assertThat(http.get("/procedures/nope").status()).isEqualTo(404);
    assertThat(http.delete("/procedures/nope").errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void anExistingNameIsRefusedUnlessReplacedAndAReplaceBumpsTheVersion() {
    assertThat(createDiscount("c-add.wasm", false).status()).isEqualTo(201);
    String createdAt = http.get("/procedures/calculate_discount").body().get("created_at").asString();

    Reply again = createDiscount("c-add.wasm", false);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("ALREADY_EXISTS");

    assertThat(createDiscount("rust-typed.wasm", true).status()).isEqualTo(201);
    Reply one = http.get("/procedures/calculate_discount");
    assertThat(one.body().get("version").asLong()).isEqualTo(2);
    assertThat(one.body().get("sha256").asString()).isEqualTo(sha256(HttpProbe.bytes("rust-typed.wasm")));
    assertThat(one.body().get("created_at").asString()).isEqualTo(createdAt);
    assertThat(http.post("/procedures/calculate_discount/call", "{\"args\": [100, 3]}").body().get("result")
        .asDouble()).isEqualTo(85.0);
    assertThat(http.get("/procedures").body().get("count").asInt()).isEqualTo(1);
  }

  @Test
  void aSignatureThatDoesNotFitTheDeclarationIsATypeMismatchAtCreation() {
    Reply wrongParam = create("add", "c-add.wasm", List.of(param("a", "INT"), param("b", "BIGINT")), "INT");
    assertThat(wrongParam.status()).isEqualTo(400);
    assertThat(wrongParam.errorCode()).isEqualTo("TYPE_MISMATCH");
    assertThat(wrongParam.errorMessage()).contains("'b'").contains("i32");

    Reply wrongCount = create("add", "c-add.wasm", List.of(param("a", "INT")), "INT");
    assertThat(wrongCount.errorCode()).isEqualTo("TYPE_MISMATCH");

    Reply wrongResult = create("add", "c-add.wasm", List.of(param("a", "INT"), param("b", "INT")), "DOUBLE");
    assertThat(wrongResult.errorCode()).isEqualTo("TYPE_MISMATCH");
    assertThat(wrongResult.errorMessage()).contains("return_type");

    Reply doubleForF32 = create("mulf", "c-add.wasm", List.of(param("x", "DOUBLE"), param("y", "FLOAT")), "FLOAT");
    assertThat(doubleForF32.errorCode()).isEqualTo("TYPE_MISMATCH");
    assertThat(doubleForF32.errorMessage()).contains("'x'");

    assertNothingStored("add", "mulf");
  }

  @Test
  void argumentsAreCheckedForCountTypeAndRangeAtCallTime() {
    assertThat(create("add", "c-add.wasm", List.of(param("a", "INT"), param("b", "INT")), "INT").status())
        .isEqualTo(201);
    assertThat(create("add64", "c-add.wasm", List.of(param("a", "BIGINT"), param("b", "BIGINT")), "BIGINT")
        .status()).isEqualTo(201);

    assertThat(call("add", "[2, 3]").body().get("result").asInt()).isEqualTo(5);
    assertThat(call("add", "[2147483647, 1]").body().get("result").asInt()).isEqualTo(-2147483648);
    assertError(call("add", "[1]"), 400, "BAD_REQUEST", "takes 2 arguments");
    assertError(call("add", "[\"x\", 1]"), 400, "TYPE_MISMATCH", "'a'");
    assertError(call("add", "[1.5, 1]"), 400, "TYPE_MISMATCH", "'a'");
    assertError(call("add", "[1, null]"), 400, "TYPE_MISMATCH", "'b'");
    assertError(call("add", "[2147483648, 1]"), 400, "TYPE_MISMATCH", "out of range");
    assertError(call("add", "[-2147483649, 1]"), 400, "TYPE_MISMATCH", "out of range");

    assertThat(call("add64", "[9223372036854775807, 1]").body().get("result").asLong()).isEqualTo(Long.MIN_VALUE);
    assertError(call("add64", "[9223372036854775808, 1]"), 400, "TYPE_MISMATCH", "out of range");
  }

  @Test
  void boolResultsAndParametersMapToI32() {
    assertThat(create("is_even", "rust-typed.wasm", List.of(param("n", "BIGINT")), "BOOL").status()).isEqualTo(201);
    assertThat(call("is_even", "[4]").body().get("result").isBoolean()).isTrue();
    assertThat(call("is_even", "[4]").body().get("result").asBoolean()).isTrue();
    assertThat(call("is_even", "[-3]").body().get("result").asBoolean()).isFalse();
  }

  @Test
  void aTrapIsReportedAsTrapAndTheServiceKeepsServing() {
    assertThat(create("div", "c-add.wasm", List.of(param("a", "INT"), param("b", "INT")), "INT").status())
        .isEqualTo(201);
    Reply trapped = call("div", "[1, 0]");
    assertThat(trapped.status()).isEqualTo(422);
    assertThat(trapped.errorCode()).isEqualTo("TRAP");
    assertThat(call("div", "[7, 2]").body().get("result").asInt()).isEqualTo(3);
  }

  @Test
  void aGuestFailingInsideAHostCallIsTheGuestsFailureInPlainWords() {
    // main(mode) sends a JSON-RPC request; the host re-enters the guest's alloc, which traps, loops or burns gas.
    // Gas stops the loop here (out of gas is TIMEOUT in this API), so that a loaded machine cannot time out a trap.
    Map<String, Object> body = new LinkedHashMap<>(request("main", "hostile-rpc-alloc.wasm",
        List.of(param("mode", "INT")), "INT"));
    body.put("limits", Map.of("max_time_ms", 10_000, "max_gas", 5_000_000));
    assertThat(http.post("/procedures", json(body)).status()).isEqualTo(201);
    assertGuestFailure(call("main", "[1]"), "TRAP");
    assertGuestFailure(call("main", "[2]"), "TIMEOUT");
    assertGuestFailure(call("main", "[3]"), "TIMEOUT");
    assertThat(call("main", "[0]").body().get("result").asInt()).as("the response length").isPositive();
  }

  private static void assertGuestFailure(Reply reply, String code) {
    assertError(reply, 422, code, "");
    assertThat(reply.raw().headers().firstValue("Retry-After")).isEmpty();
    assertThat(reply.errorMessage()).doesNotContain("Exception", "java.", "io.wasmhive", "wasmtime");
  }

  @Test
  void aCallPastItsTimeLimitIsATimeout() {
    Map<String, Object> body = new LinkedHashMap<>(request("run", "hostile-infinite-loop.wasm", List.of(), null));
    body.put("limits", Map.of("max_time_ms", 100));
    assertThat(http.post("/procedures", json(body)).status()).isEqualTo(201);
    assertError(call("run", "[]"), 422, "TIMEOUT", "");

    body.put("limits", Map.of("max_time_ms", 3_600_000));
    body.put("replace", true);
    assertError(http.post("/procedures", json(body)), 400, "BAD_REQUEST", "max_time_ms");
  }

  @Test
  void badInputIsAClearClientErrorAndStoresNothing() {
    Map<String, Object> malformedBase64 = new LinkedHashMap<>(request("add", "c-add.wasm", addParams(), "INT"));
    malformedBase64.put("wasm_base64", "AGFzbQ!!not-base64");
    assertError(http.post("/procedures", json(malformedBase64)), 400, "BAD_REQUEST", "base64");
    assertError(create("add", "not-wasm.bin", addParams(), "INT"), 400, "INVALID_WASM", "");
    assertError(create("add", "malformed.wasm", addParams(), "INT"), 400, "INVALID_WASM", "");
    assertError(create("add", "hostile-unknown-import.wasm", List.of(), null), 400, "INVALID_WASM", "");
    assertError(create("missing", "c-add.wasm", addParams(), "INT"), 400, "INVALID_WASM", "missing");
    assertError(create("add", "c-add.wasm", List.of(param("a", "VARCHAR"), param("b", "INT")), "INT"),
        400, "BAD_REQUEST", "VARCHAR");

    Map<String, Object> oversizedModule = new LinkedHashMap<>(request("add", "c-add.wasm", addParams(), "INT"));
    byte[] big = new byte[70 * 1024];
    System.arraycopy(HttpProbe.bytes("c-add.wasm"), 0, big, 0, 8);
    oversizedModule.put("wasm_base64", java.util.Base64.getEncoder().encodeToString(big));
    assertError(http.post("/procedures", json(oversizedModule)), 413, "PAYLOAD_TOO_LARGE", "module");

    Map<String, Object> oversizedBody = new LinkedHashMap<>(request("add", "c-add.wasm", addParams(), "INT"));
    oversizedBody.put("description", "x".repeat(1100 * 1024));
    assertError(http.post("/procedures", json(oversizedBody)), 413, "PAYLOAD_TOO_LARGE", "body");

    assertError(http.post("/procedures", "{\"name\": "), 400, "BAD_REQUEST", "");
    Reply wrongType = http.post("/procedures", "{\"name\": {\"first\": \"add\"}}");
    assertError(wrongType, 400, "BAD_REQUEST", "'name' is missing or has the wrong type");
    assertThat(wrongType.errorMessage()).as("no Java type names").doesNotContain("java.", "`", "io.wasmhive");
    assertNothingStored("add", "missing");

    assertThat(create("add", "c-add.wasm", addParams(), "INT").status()).isEqualTo(201);
    assertThat(call("add", "[40, 2]").body().get("result").asInt()).isEqualTo(42);
  }

  @Test
  void theDatabaseHeaderNamespacesProcedures() {
    assertThat(create("add", "c-add.wasm", addParams(), "INT").status()).isEqualTo(201);
    HttpProbe other = new HttpProbe(port, "it-" + UUID.randomUUID());
    assertThat(other.get("/procedures").body().get("count").asInt()).isZero();
    assertThat(other.post("/procedures/add/call", "{\"args\": [1, 2]}").status()).isEqualTo(404);
    assertError(new HttpProbe(port, "bad:db").get("/procedures"), 400, "BAD_REQUEST", "X-Mindb-Database");
  }

  @Test
  void healthAnswers() {
    Reply health = http.get("/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().get("status").asString()).isEqualTo("ok");
  }

  private Reply createDiscount(String guest, boolean replace) {
    Map<String, Object> body = new LinkedHashMap<>(request("calculate_discount", guest,
        List.of(param("price", "FLOAT"), param("tier", "INT")), "FLOAT"));
    body.put("replace", replace);
    return http.post("/procedures", json(body));
  }

  private Reply create(String name, String guest, List<Map<String, String>> params, String returnType) {
    return http.post("/procedures", json(request(name, guest, params, returnType)));
  }

  private Reply call(String name, String args) {
    return http.post("/procedures/" + name + "/call", "{\"args\": " + args + "}");
  }

  private void assertNothingStored(String... names) {
    assertThat(http.get("/procedures").body().get("count").asInt()).isZero();
    for (String name : names) {
      assertThat(http.get("/procedures/" + name).status()).isEqualTo(404);
    }
  }

  static Map<String, Object> request(String name, String guest, List<Map<String, String>> params, String returnType) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("language", "wasm");
    body.put("wasm_base64", base64(guest));
    body.put("params", params);
    if (returnType != null) {
      body.put("return_type", returnType);
    }
    return body;
  }

  private static List<Map<String, String>> addParams() {
    return List.of(param("a", "INT"), param("b", "INT"));
  }

  static Map<String, String> param(String name, String type) {
    return Map.of("name", name, "data_type", type);
  }

  private static void assertError(Reply reply, int status, String code, String messagePart) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.raw().body()).isEqualTo(code);
    assertThat(reply.errorMessage()).contains(messagePart);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anErrorIsJsonWhateverTheClientAccepts() throws Exception {
    // Found by the HTTP fuzzer (docs/fuzzing-http.md): with an Accept JSON does not satisfy, a 404 had no body.
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (String accept : List.of("application/octet-stream", "text/html", "null")) {
      for (String path : List.of("/derivations/nope/snapshot", "/procedures/nope")) {
        var response = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(accept + " " + path).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).get("error").get("code").asString())
            .isEqualTo("NOT_FOUND");
      }
    }
  }
}
