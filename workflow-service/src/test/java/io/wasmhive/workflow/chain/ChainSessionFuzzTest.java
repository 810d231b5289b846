package io.wasmhive.workflow.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzz target of the read-only Ethereum JSON-RPC bridge (docs/fuzzing.md): {@link ChainSession#handle} over any
 * request bytes, with a real HTTP server at the edge of the world as chain 1 that records what reaches it. Every
 * answer is one JSON-RPC 2.0 object with a result or an error and the request's id; only the read methods of
 * {@link MethodPolicy} reach the chain, never with {@code latest} or {@code pending} where the session pins a block,
 * and no more calls than the session's budget (plus the one block-number fetch that pins the chain).
 */
class ChainSessionFuzzTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int BUDGET = 4;
  private static final List<JsonNode> UPSTREAM = new CopyOnWriteArrayList<>();
  private static final HttpServer SERVER = start();
  private static final ReadOnlyRpc RPC = new ReadOnlyRpc(
      new ChainEndpoints(Map.of(1L, URI.create("http://127.0.0.1:" + SERVER.getAddress().getPort() + "/"))),
      new SessionLimits(Duration.ofSeconds(2), BUDGET, 64 * 1024, 1 << 16), HttpClient.newHttpClient());

  @AfterAll
  static void stopServer() {
    SERVER.stop(0);
  }

  @FuzzTest(maxDuration = "3m")
  void answersRequests(byte[] request) {
    UPSTREAM.clear();
    ChainSession session = RPC.openSession(1);
    JsonNode answer = JSON.readTree(session.handle(request, Duration.ofSeconds(2)));
    assertThat(answer.isObject()).isTrue();
    assertThat(answer.get("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(answer.has("result") ^ answer.has("error")).as("result or error: %s", answer).isTrue();
    JsonNode sent = parsed(request);
    if (sent != null && sent.isObject() && sent.has("id") && answer.has("id")) {
      assertThat(answer.get("id")).isEqualTo(sent.get("id"));
    }
    assertThat(UPSTREAM).hasSizeLessThanOrEqualTo(BUDGET + 1);
    for (JsonNode call : UPSTREAM) {
      String method = call.get("method").asString();
      MethodPolicy.Method allowed = MethodPolicy.allowed(method);
      assertThat(allowed).as("a method that is not read-only reached the chain: %s", method).isNotNull();
      if (allowed.hasBlockTag() && call.get("params").size() > allowed.blockTagIndex()) {
        assertThat(MethodPolicy.pinnable(call.get("params").get(allowed.blockTagIndex())))
            .as("an unpinned block tag reached the chain: %s", call).isFalse();
      }
    }
  }

  private static JsonNode parsed(byte[] request) {
    try {
      return JSON.readTree(request);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** Chain 1: records each request, answers {@code eth_blockNumber} with 0x10 and everything else with 0x1. */
  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", ChainSessionFuzzTest::answer);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    JsonNode call = JSON.readTree(exchange.getRequestBody().readAllBytes());
    UPSTREAM.add(call);
    String result = "eth_blockNumber".equals(call.get("method").asString()) ? "\"0x10\"" : "\"0x1\"";
    byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + call.get("id") + ",\"result\":" + result + "}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
