package io.wasmhive.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.wasmhive.workflow.chain.ChainEndpoints;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import io.wasmhive.workflow.chain.SessionLimits;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the simulator reads error answers of nodes other than anvil, from a real HTTP server at the edge of the
 * world: chain 1 reverts the way some providers do (-32000 "execution reverted", no data), chain 2 refuses the
 * call as invalid.
 */
class NodeErrorsTest {

  private static final String ADDRESS = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  private static HttpServer server;
  private static ReadOnlyRpc rpc;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/reverting", exchange -> answer(exchange,
        "{\"code\":-32000,\"message\":\"execution reverted\"}"));
    server.createContext("/refusing", exchange -> answer(exchange,
        "{\"code\":-32602,\"message\":\"invalid argument 0: json: cannot unmarshal\"}"));
    server.createContext("/odd", exchange -> answer(exchange, "{\"code\":\"busy\",\"message\":\"odd node\"}"));
    server.createContext("/huge", exchange -> answer(exchange, "{\"code\":1e30,\"message\":\"huge code\"}"));
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    rpc = new ReadOnlyRpc(new ChainEndpoints(Map.of(1L, URI.create(base + "/reverting"),
        2L, URI.create(base + "/refusing"), 3L, URI.create(base + "/odd"), 4L, URI.create(base + "/huge"))),
        new SessionLimits(Duration.ofSeconds(5), 50, 1 << 20, 1 << 20),
        HttpClient.newHttpClient());
  }

  /** Answers eth_blockNumber with 0x10 and anything else with {@code error}. */
  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String error) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String body = request.contains("\"eth_blockNumber\"")
        ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}"
        : "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":" + error + "}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static ContractCall transfer(long chainId) {
    return new ContractCall(chainId, ADDRESS, ADDRESS, "transfer", List.of("address", "uint256"),
        List.of(ADDRESS, "1"), BigInteger.ZERO);
  }

  @Test
  void readsAnExecutionRevertedMessageWithoutDataAsARevert() {
    SimulationResult result = new ContractSimulator(true).simulate(rpc.openSession(1), transfer(1),
        Duration.ofSeconds(5));
    assertThat(result.success()).isFalse();
    assertThat(result.revertReason()).isEqualTo("execution reverted without data");
    assertThat(result.blockNumber()).isEqualTo(16);
  }

  @Test
  void anErrorCodeThatIsNoIntIsReadAsZeroAndTheCallFailsWithTheNodesError() {
    // Jackson's asInt() throws for "busy" and for 1e30; the call must fail as a contract call, with the node's text.
    for (long chain : List.of(3L, 4L)) {
      assertThatThrownBy(() -> new ContractSimulator(false).simulate(rpc.openSession(chain), transfer(chain),
          Duration.ofSeconds(5))).isInstanceOf(ContractCallException.class)
          .hasMessageContaining(chain == 3 ? "odd node" : "huge code")
          .satisfies(e -> assertThat(((ContractCallException) e).code()).isZero());
    }
  }

  @Test
  void throwsForAnErrorThatIsNotARevert() {
    assertThatThrownBy(() -> new ContractSimulator(false).simulate(rpc.openSession(2), transfer(2),
        Duration.ofSeconds(5))).isInstanceOf(ContractCallException.class)
        .hasMessageContaining("invalid argument 0")
        .satisfies(e -> {
          assertThat(((ContractCallException) e).code()).isEqualTo(-32602);
          assertThat(((ContractCallException) e).retryable()).isFalse();
        });
  }
}
