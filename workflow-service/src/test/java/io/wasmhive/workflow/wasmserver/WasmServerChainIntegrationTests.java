package io.wasmhive.workflow.wasmserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.guests.GuestCorpus;
import io.wasmhive.platform.testing.ServiceIntegrationTest;
import io.wasmhive.workflow.chain.TestChain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /wasm/run} with a configured chain: a module reads an ERC-20 balance from a real anvil through
 * {@code host.rpc_call} and through the file bridge, as a Ditto simulator pointing {@code WASM_SERVER_URL} here
 * would see it.
 */
@ServiceIntegrationTest
class WasmServerChainIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TestChain CHAIN = TestChain.startForTestClass();
  private static final String TOKEN = CHAIN.deployToken(4_242);

  @LocalServerPort
  int port;


  @DynamicPropertySource
  static void chain(DynamicPropertyRegistry registry) {
    CHAIN.serve(registry, "wasm-server-chain");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    CHAIN.close();
  }

  @Test
  void bothBalanceGuestsReadTheConfiguredChain() throws Exception {
    for (String guest : List.of("wf-balance-rpc.wasm", "wf-balance-bridge.wasm")) {
      String body = JSON.writeValueAsString(Map.of("jobId", "job-" + guest,
          "wasmB64", Base64.getEncoder().encodeToString(GuestCorpus.bytes(guest)),
          "input", Map.of("token", TOKEN, "holder", TestChain.OWNER), "timeoutMs", 2000));
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wasm/run"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode answer = JSON.readTree(response.body());
      assertThat(answer.get("ok").booleanValue()).as(response.body()).isTrue();
      assertThat(answer.get("result")).isEqualTo(JSON.readTree("{\"value\":\"4242\"}"));
      assertThat(answer.get("jobId").stringValue()).isEqualTo("job-" + guest);
    }
  }

  @Test
  void theDefaultChainIsTheSimulatorsFirstConfiguredElseTheLowest() {
    assertThat(ChainWasmServerRpc.defaultChain(new TreeSet<>(List.of(31337L, 8453L, 84532L)))).contains(84532L);
    assertThat(ChainWasmServerRpc.defaultChain(new TreeSet<>(List.of(31337L, 1L)))).contains(1L);
    assertThat(ChainWasmServerRpc.defaultChain(new TreeSet<>(List.of(31337L, 42L)))).contains(42L);
    assertThat(ChainWasmServerRpc.defaultChain(new TreeSet<>())).isEmpty();
  }
}
