package io.wasmhive.workflow.wasmserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.wasmserver.WasmServerClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code workflow.wasm.*} limits set lower than the defaults, so that each edge can be reached over real HTTP:
 * with the default 12 MB body the 10 MiB module limit cannot be (its base64 is larger than the body). This context
 * also has a {@link WasmServerRpc} bean, which replaces the default "no chain configured" one.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
    "wasmhive.data-dir=target/it-data/wasm-limits",
    "workflow.wasm.max-module-bytes=262144",
    "workflow.wasm.max-timeout=300ms",
    "workflow.wasm.max-stdout-bytes=1000",
    "workflow.wasm.max-stderr-bytes=1000"})
class WasmServerLimitsIntegrationTests {

  static final List<String> RUNS = new CopyOnWriteArrayList<>();

  /** A fake of the outside world: every eth_call answers 2^64 + 1, and each run's job id is recorded. */
  @TestConfiguration
  static class ChainStandIn {

    @Bean
    WasmServerRpc fixedBalanceRpc() {
      return jobId -> {
        RUNS.add(jobId);
        return (request, timeout) -> ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + "0".repeat(47) + "1"
            + "0".repeat(15) + "1\"}").getBytes(StandardCharsets.UTF_8);
      };
    }
  }

  @LocalServerPort
  int port;

  WasmServerClient client;

  @BeforeEach
  void client() {
    client = new WasmServerClient(port);
  }

  @ParameterizedTest
  @CsvSource({"wf-balance-rpc.wasm", "wf-balance-bridge.wasm"})
  void aConfiguredRpcBeanAnswersTheGuests(String guest) {
    Answer answer = client.post(WasmServerClient.request("job-" + guest, GuestCorpus.bytes(guest),
        Map.of("token", "0x5FbDB2315678afecb367f032d93F642f64180aa3", "holder", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        300).toString());
    assertThat(answer.raw()).contains("\"ok\":true");
    assertThat(answer.body().get("result").toString()).isEqualTo("{\"value\":\"18446744073709551617\"}");
    assertThat(RUNS).contains("job-" + guest);
  }

  @Test
  void moduleAtTheLimitRunsAndOneByteMoreIs413() {
    byte[] wasm = GuestCorpus.bytes("wf-print-value.wasm");
    Answer ok = client.post(WasmServerClient.request("job-at-limit", PaddedModule.of(wasm, 262_144), Map.of(), 300).toString());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("ok").asBoolean()).isTrue();

    Answer refused = client.post(WasmServerClient.request("job-past-limit", PaddedModule.of(wasm, 262_145), Map.of(), 300)
        .toString());
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.withoutDuration().toString())
        .isEqualTo("{\"jobId\":\"job-past-limit\",\"ok\":false,\"error\":\"wasm too large (> 262144 bytes)\"}");
  }

  @ParameterizedTest
  @CsvSource({"300, timeout after 300ms", "301, timeout after 300ms", "299, timeout after 299ms"})
  void timeoutIsClampedToTheConfiguredMaximum(long timeoutMs, String verdict) {
    Answer answer = client.post(WasmServerClient.request("job-spin", GuestCorpus.bytes("wf-spin.wasm"), Map.of(), timeoutMs)
        .toString());
    assertThat(answer.body().get("error").asString()).isEqualTo(verdict);
  }

  /** The configured ceiling bounds stdout even when the client asks for more. */
  @Test
  void configuredStdoutCeilingAtAndPastItsEdge() {
    ObjectNode request = WasmServerClient.request("job-out", GuestCorpus.bytes("wf-echo-stdin.wasm"), "d".repeat(997), 300);
    request.put("maxStdoutBytes", 5000);
    assertThat(client.post(request.toString()).body().get("ok").asBoolean()).isTrue();
    request.set("input", WasmServerClient.JSON.valueToTree("d".repeat(998)));
    assertThat(client.post(request.toString()).body().get("error").asString())
        .isEqualTo("killed: stdout/stderr size limit exceeded");
  }

  @Test
  void configuredStderrCeilingAtAndPastItsEdge() {
    ObjectNode request = WasmServerClient.request("job-err", GuestCorpus.bytes("wf-echo-stderr.wasm"), "e".repeat(997), 300);
    assertThat(client.post(request.toString()).body().get("ok").asBoolean()).isTrue();
    request.set("input", WasmServerClient.JSON.valueToTree("e".repeat(998)));
    assertThat(client.post(request.toString()).body().get("error").asString())
        .isEqualTo("killed: stdout/stderr size limit exceeded");
  }
}
