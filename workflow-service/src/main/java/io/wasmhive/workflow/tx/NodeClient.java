package io.wasmhive.workflow.tx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signer side's JSON-RPC client: any method, to a configured endpoint, each call bounded by a timeout. Kept
 * apart from the read-only layer, which refuses {@code eth_sendRawTransaction} on purpose. Thread-safe.
 */
final class NodeClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A call that got no JSON-RPC answer (transport, timeout, HTTP status, not JSON); never names the URL. */
  static final class Unreachable extends RuntimeException {

    Unreachable(String message) {
      super(message, null, false, false);
    }
  }

  private final HttpClient http;
  private final Duration timeout;

  NodeClient(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** The reply object of {@code method}: a {@code result} or the node's {@code error}. */
  JsonNode call(URI url, String method, Object... params) {
    return await(send(url, method, params), method);
  }

  /** Sends {@code method} without waiting; {@link #await} reads its reply. */
  CompletableFuture<HttpResponse<String>> send(URI url, String method, Object... params) {
    ObjectNode body = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    ArrayNode array = body.putArray("params");
    for (Object param : params) {
      array.add(param instanceof JsonNode node ? node : JSON.valueToTree(param));
    }
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The reply object of a request {@link #send} made, waiting at most the timeout. */
  JsonNode await(CompletableFuture<HttpResponse<String>> pending, String method) {
    HttpResponse<String> response;
    try {
      response = pending.get(timeout.toNanos() + 100_000_000L, TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException e) {
      pending.cancel(true);
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new Unreachable(method + ": the node did not answer (" + cause.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(method + ": interrupted");
    }
    if (response.statusCode() != 200) {
      throw new Unreachable(method + ": the node answered HTTP " + response.statusCode());
    }
    try {
      JsonNode reply = JSON.readTree(response.body());
      if (reply != null && reply.isObject()) {
        return reply;
      }
    } catch (RuntimeException e) {
      // Reported below.
    }
    throw new Unreachable(method + ": the node's answer is not a JSON-RPC reply");
  }

  /** The {@code result} of {@code method}; an error answer is thrown as {@link NodeError}. */
  JsonNode result(URI url, String method, Object... params) {
    return result(call(url, method, params), method);
  }

  /** The {@code result} of a reply; an error answer is thrown as {@link NodeError}. */
  static JsonNode result(JsonNode reply, String method) {
    if (reply.has("error")) {
      throw new NodeError(method, reply.get("error"));
    }
    return reply.get("result");
  }

  /** The node answered {@code method} with an error object. */
  static final class NodeError extends RuntimeException {

    final JsonNode error;

    NodeError(String method, JsonNode error) {
      super(method + " failed: " + error, null, false, false);
      this.error = error;
    }

    String message() {
      return error.path("message").asString("");
    }
  }
}
