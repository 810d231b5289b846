package io.wasmhive.workflow.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a session answers when the chain's endpoint misbehaves: a real HTTP server at the edge of the world that
 * is slow, fails, answers garbage or too much.
 */
class UpstreamFailuresTest {

  private static final int MAX_RESPONSE = 1024;
  private static final String CHAIN_ID = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}";

  private static HttpServer server;
  private static ReadOnlyRpc rpc;

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/slow", exchange -> {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(exchange, 200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}");
    });
    server.createContext("/status", exchange -> reply(exchange, 502, "bad gateway"));
    server.createContext("/garbage", exchange -> reply(exchange, 200, "<html>not json</html>"));
    server.createContext("/exact", exchange -> reply(exchange, 200, padded(MAX_RESPONSE)));
    server.createContext("/over", exchange -> reply(exchange, 200, padded(MAX_RESPONSE + 1)));
    server.createContext("/error", exchange -> reply(exchange, 200,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x1234\"}}"));
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    Map<Long, URI> endpoints = Map.of(1L, URI.create(base + "/slow"), 2L, URI.create(base + "/status"),
        3L, URI.create(base + "/garbage"), 4L, URI.create(base + "/exact"), 5L, URI.create(base + "/over"),
        6L, URI.create(base + "/error"), 7L, URI.create("http://127.0.0.1:" + closedPort()));
    rpc = new ReadOnlyRpc(new ChainEndpoints(endpoints),
        new SessionLimits(Duration.ofSeconds(5), 50, MAX_RESPONSE, 1 << 20), HttpClient.newHttpClient());
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  private static String padded(int size) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}";
    return body + " ".repeat(size - body.length());
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String ask(long chainId, String request, Duration timeout) {
    return ask(rpc.openSession(chainId), request, timeout);
  }

  /** A session whose calls may take 300 ms at most. */
  private static String askQuickly(long chainId, String request, Duration timeout) {
    SessionLimits quick = new SessionLimits(Duration.ofMillis(300), 50, MAX_RESPONSE, 1 << 20);
    return ask(rpc.openSession(chainId, Map.of(), quick), request, timeout);
  }

  private static String ask(ChainSession session, String request, Duration timeout) {
    return new String(session.handle(request.getBytes(StandardCharsets.UTF_8), timeout), StandardCharsets.UTF_8);
  }

  private static String serverError(String data) {
    return "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32000,\"message\":\"Server error\",\"data\":\"" + data
        + "\"}}";
  }

  @Test
  void boundsEachCallByTheCallTimeout() {
    long started = System.nanoTime();
    assertThat(askQuickly(1, CHAIN_ID, Duration.ofSeconds(10)))
        .isEqualTo(serverError("RPC call timeout after 300ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void boundsEachCallByTheTimeTheStepHasLeft() {
    long started = System.nanoTime();
    assertThat(ask(1, CHAIN_ID, Duration.ofMillis(100))).isEqualTo(serverError("RPC call timeout after 100ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_000));
    assertThat(ask(1, CHAIN_ID, Duration.ZERO)).isEqualTo(serverError("RPC call timeout after 0ms"));
  }

  @Test
  void boundsThePinFetchAndTheCallTogether() {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_getBalance\",\"params\":[\"0x"
        + "00".repeat(20) + "\"]}";
    long started = System.nanoTime();
    assertThat(askQuickly(1, call, Duration.ofSeconds(10))).isEqualTo(serverError("RPC call timeout after 300ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
  }

  @Test
  void reportsUpstreamFailuresAsServerErrorsWithoutTheUrl() {
    assertThat(ask(2, CHAIN_ID, Duration.ofSeconds(5))).isEqualTo(serverError("Upstream answered HTTP 502"));
    assertThat(ask(3, CHAIN_ID, Duration.ofSeconds(5))).isEqualTo(serverError("Invalid JSON from upstream"));
    assertThat(ask(7, CHAIN_ID, Duration.ofSeconds(5)))
        .isEqualTo(serverError("Upstream request failed (ConnectException)"));
  }

  @Test
  void acceptsAResponseAtTheLimitAndRefusesOneByteMore() {
    assertThat(ask(4, CHAIN_ID, Duration.ofSeconds(5))).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}");
    assertThat(ask(5, CHAIN_ID, Duration.ofSeconds(5)))
        .isEqualTo(serverError("Response too large (max " + MAX_RESPONSE + " bytes)"));
  }

  @Test
  void passesTheChainsOwnErrorObjectOn() {
    assertThat(ask(6, CHAIN_ID, Duration.ofSeconds(5))).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":"
        + "{\"code\":3,\"message\":\"execution reverted\",\"data\":\"0x1234\"}}");
  }
}
