package io.wasmhive.workflow.wasmserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.wasmserver.WasmServerClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Ditto WASM server API over real HTTP with the default limits: every answer of the simulator's processing order,
 * checked against the research fixtures (requests and responses written from the simulator's code), and the limits
 * at and just past their edges.
 */
@ServiceIntegrationTest
class WasmServerIntegrationTests {

  @LocalServerPort
  int port;

  WasmServerClient client;

  @BeforeEach
  void client() {
    client = new WasmServerClient(port);
  }

  @Test
  void healthAnswersOkTrue() {
    Answer answer = client.get("/wasm/health");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.raw()).isEqualTo("{\"ok\":true}");
  }

  /** Fixtures answered exactly as the simulator answers them (status, members, key order, text; not the duration). */
  @ParameterizedTest
  @CsvSource({
      "ok-value, 200", "ok-echo-input, 200", "ok-echo-without-hash, 200", "ok-skip-remaining, 200",
      "bad-request-missing-timeout, 400", "bad-request-timeout-as-string, 400", "bad-request-no-jobid, 400",
      "bad-request-empty-jobid, 400", "empty-wasm-bytes, 400", "empty-wasm-bytes-garbage-base64, 400",
      "wasmhash-not-hex, 400", "wasmhash-with-0x-prefix, 400", "exit-code, 200", "timeout-clamped, 200",
      "output-limit, 200", "empty-stdout, 200", "empty-stdout-whitespace, 200", "stdout-not-json, 200"})
  void answersLikeTheSimulator(String name, int status) {
    Answer answer = client.post(WasmServerClient.fixture(name + ".request.json"));
    JsonNode expected = WasmServerClient.JSON.readTree(WasmServerClient.fixture(name + ".response.json"));
    assertThat(answer.status()).isEqualTo(status);
    assertThat(answer.withoutDuration().toString()).isEqualTo(withoutDuration(expected).toString());
    assertThat(answer.body().get("durationMs").isIntegralNumber()).isTrue();
    assertThat(fieldNames(answer.body())).endsWith("durationMs");
  }

  /** The simulator answers a mismatch with 500 (a generic exception); a wrong hash is the client's error here: 400. */
  @Test
  void wasmHashMismatchIsABadRequest() {
    Answer answer = client.post(WasmServerClient.fixture("wasmhash-mismatch.request.json"));
    JsonNode expected = WasmServerClient.JSON.readTree(WasmServerClient.fixture("wasmhash-mismatch.response.json"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.withoutDuration().toString()).isEqualTo(withoutDuration(expected).toString());
    assertThat(answer.body().get("error").asString()).isEqualTo("wasmHash mismatch (expected "
        + "A17AA2378B1DAD0E66FD1651455365F80C0AAAE7A1E4B3B98041A2A28751C6F5, got "
        + "3a301c772f84748a32f98aa0c7ceba9c9cf4f8b84a5dc53f694cf239b9174429)");
  }

  @Test
  void upperCaseHashOfTheSameBytesIsAccepted() {
    ObjectNode request = WasmServerClient.request("job-upper", GuestCorpus.bytes("wf-print-value.wasm"), null, 1000);
    request.put("wasmHash", "3A301C772F84748A32F98AA0C7CEBA9C9CF4F8B84A5DC53F694CF239B9174429");
    Answer answer = client.post(request.toString());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("ok").asBoolean()).isTrue();
    assertThat(answer.body().at("/result/result/value").asString()).isEqualTo("1000000000000000000");
  }

  /** Not copied from the simulator: it sends a missing input as the text {@code undefined}; here the guest reads null. */
  @Test
  void missingInputIsJsonNull() {
    Answer answer = client.post(WasmServerClient.fixture("ok-echo-missing-input.request.json"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("ok").asBoolean()).isTrue();
    assertThat(answer.body().get("result").isNull()).isTrue();
    assertThat(fieldNames(answer.body())).containsExactly("jobId", "ok", "result", "stderr", "durationMs");
  }

  @Test
  void moduleWithoutRunOrStartGetsAClearError() {
    Answer answer = client.post(WasmServerClient.fixture("no-run-export.request.json"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("ok").asBoolean()).isFalse();
    assertThat(answer.body().get("error").asString())
        .isEqualTo("the module exports neither a \"run\" nor a \"_start\" function");
    assertThat(answer.body().get("stderr").asString()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"not-wasm.bin", "malformed.wasm", "hostile-unknown-import.wasm"})
  void invalidModulesAnswerOkFalseNotACrash(String file) {
    Answer answer = client.post(WasmServerClient.request("job-bad", GuestCorpus.bytes(file), Map.of(), 1000).toString());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("ok").asBoolean()).isFalse();
    assertThat(answer.body().get("error").asString()).startsWith("invalid module: ");
  }

  @Test
  void trapAfterOutputFailsTheRun() {
    Answer answer = client.post(WasmServerClient.request("job-trap", GuestCorpus.bytes("wf-trap.wasm"), Map.of(), 1000).toString());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("ok").asBoolean()).isFalse();
    assertThat(answer.body().get("error").asString()).startsWith("trap: ").contains("unreachable");
  }

  @Test
  void commandModulesRunThroughStart() {
    Answer answer = client.post(WasmServerClient.request("job-cmd", GuestCorpus.bytes("rust-json-cmd.wasm"),
        Map.of("values", new int[] {1, 2, 3, 4}), 1000).toString());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("result").toString()).isEqualTo("{\"sum\":10,\"count\":4}");
  }

  @Test
  void jobIdIsEchoedWhateverItsType() {
    ObjectNode request = WasmServerClient.request("x", GuestCorpus.bytes("wf-silent.wasm"), Map.of(), 1000);
    request.put("jobId", 42);
    Answer answer = client.post(request.toString());
    assertThat(answer.body().get("jobId").isNumber()).isTrue();
    assertThat(answer.body().get("jobId").asInt()).isEqualTo(42);
    assertThat(answer.body().get("error").asString()).isEqualTo("empty stdout");
  }

  @Test
  void unparsableBodyIsABadRequest() {
    Answer answer = client.post("{\"jobId\":");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.raw()).startsWith("{\"jobId\":\"unknown\",\"ok\":false,\"error\":\"bad request\",\"durationMs\":");
  }

  @Test
  void rpcWithoutAChainAnswersServerError() {
    Answer answer = client.post(WasmServerClient.request("job-rpc", GuestCorpus.bytes("c-rpc-run-today.wasm"),
        Map.of("method", "eth_blockNumber", "id", 9), 1000).toString());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("result").toString())
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32000,\"message\":\"no chain configured\"}}");
  }

  @Test
  void theFileBridgeIsServedWithoutAChainToo() {
    Answer answer = client.post(WasmServerClient.request("job-bridge", GuestCorpus.bytes("wf-balance-bridge.wasm"),
        Map.of("token", "0x5FbDB2315678afecb367f032d93F642f64180aa3", "holder", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        1000).toString());
    // serde_json writes object keys sorted.
    assertThat(answer.body().get("result").toString()).isEqualTo("{\"error\":\"eth_call failed\",\"response\":"
        + "{\"error\":{\"code\":-32000,\"message\":\"no chain configured\"},\"id\":1,\"jsonrpc\":\"2.0\"}}");
  }

  @Test
  void bodyAtTheLimitIsReadAndOneByteMoreIsRefused() {
    byte[] atLimit = padded(WasmServerClient.request("job-body", GuestCorpus.bytes("wf-print-value.wasm"), Map.of(), 1000)
        .toString(), 12_582_912);
    Answer ok = client.post(atLimit);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("ok").asBoolean()).isTrue();

    byte[] over = padded(new String(atLimit, StandardCharsets.UTF_8).strip(), 12_582_913);
    Answer refused = client.post(over);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.withoutDuration().toString())
        .isEqualTo("{\"jobId\":\"unknown\",\"ok\":false,\"error\":\"body too large (>12582912 bytes)\"}");
  }

  /** stdout is the input's JSON and a newline: a string of n characters makes n + 3 bytes. */
  @Test
  void stdoutCeilingAtAndPastItsEdge() {
    String text = "a".repeat(1000);
    ObjectNode request = WasmServerClient.request("job-out", GuestCorpus.bytes("wf-echo-stdin.wasm"), text, 1000);
    request.put("maxStdoutBytes", 1003);
    assertThat(client.post(request.toString()).body().get("result").asString()).isEqualTo(text);
    request.put("maxStdoutBytes", 1002);
    assertThat(client.post(request.toString()).body().get("error").asString())
        .isEqualTo("killed: stdout/stderr size limit exceeded");
  }

  @Test
  void stderrCeilingAtAndPastItsEdge() {
    String text = "b".repeat(500);
    ObjectNode request = WasmServerClient.request("job-err", GuestCorpus.bytes("wf-echo-stderr.wasm"), text, 1000);
    request.put("maxStderrBytes", 503);
    Answer ok = client.post(request.toString());
    assertThat(ok.body().get("ok").asBoolean()).isTrue();
    assertThat(ok.body().get("stderr").asString()).isEqualTo("\"" + text + "\"\n");
    request.put("maxStderrBytes", 502);
    Answer killed = client.post(request.toString());
    assertThat(killed.body().get("error").asString()).isEqualTo("killed: stdout/stderr size limit exceeded");
    assertThat(killed.body().get("stderr").asString()).hasSize(502);
  }

  /** A client cannot raise the server's 262,144-byte ceiling. */
  @Test
  void serverStdoutCeilingAtAndPastItsEdge() {
    String text = "c".repeat(262_144 - 3);
    ObjectNode request = WasmServerClient.request("job-max", GuestCorpus.bytes("wf-echo-stdin.wasm"), text, 2000);
    request.put("maxStdoutBytes", 1_000_000_000);
    assertThat(client.post(request.toString()).body().get("ok").asBoolean()).isTrue();
    request.set("input", WasmServerClient.JSON.valueToTree(text + "c"));
    assertThat(client.post(request.toString()).body().get("error").asString())
        .isEqualTo("killed: stdout/stderr size limit exceeded");
  }

  @ParameterizedTest
  @CsvSource({"2000, timeout after 2000ms", "2001, timeout after 2000ms", "0, timeout after 1ms",
      "-5, timeout after 1ms"})
  void timeoutIsClampedToTheServerMaximum(long timeoutMs, String verdict) {
    Answer answer = client.post(WasmServerClient.request("job-spin", GuestCorpus.bytes("wf-spin.wasm"), Map.of(), timeoutMs)
        .toString());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("error").asString()).isEqualTo(verdict);
  }

  private static byte[] padded(String json, int size) {
    byte[] bytes = Arrays.copyOf(json.getBytes(StandardCharsets.UTF_8), size);
    Arrays.fill(bytes, json.length(), size, (byte) ' ');
    return bytes;
  }

  private static JsonNode withoutDuration(JsonNode node) {
    ObjectNode copy = (ObjectNode) node.deepCopy();
    copy.remove("durationMs");
    return copy;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }
}
