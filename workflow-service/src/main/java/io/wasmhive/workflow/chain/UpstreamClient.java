package io.wasmhive.workflow.chain;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts one JSON-RPC request to a chain's endpoint and reads at most {@code maxResponseBytes} of the answer, all
 * within one deadline. Thread-safe (one {@link HttpClient} shared by every session).
 */
final class UpstreamClient {

  /** Why an upstream call gave no usable answer; the message never contains the endpoint's URL. */
  static class UpstreamFailure extends Exception {

    UpstreamFailure(String message) {
      super(message, null, false, false);
    }
  }

  /** The call ran out of time; {@link #call} restates it with the bound that applied. */
  private static final class TimedOut extends UpstreamFailure {

    TimedOut() {
      super("timed out");
    }
  }

  private final HttpClient client;
  private final int maxResponseBytes;

  UpstreamClient(HttpClient client, int maxResponseBytes) {
    this.client = client;
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * Sends {@code method} with {@code params} as a JSON-RPC request and answers the reply object (a result or the
   * node's error object); blocks until then or {@code deadline}.
   */
  JsonNode call(URI url, String method, ArrayNode params, CallDeadline deadline)
      throws UpstreamFailure, InterruptedException {
    ObjectNode body = JsonRpcReplies.JSON.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", 1);
    body.put("method", method);
    body.set("params", params);
    byte[] answer;
    try {
      answer = post(url, JsonRpcReplies.JSON.writeValueAsBytes(body), deadline.left(), maxResponseBytes);
    } catch (TimedOut e) {
      throw deadline.timedOut();
    }
    try {
      JsonNode reply = JsonRpcReplies.JSON.readTree(answer);
      if (reply != null && reply.isObject()) {
        return reply;
      }
    } catch (JacksonException e) {
      // Reported below, without the upstream's text.
    }
    throw new UpstreamFailure("Invalid JSON from upstream");
  }

  /** Posts {@code body} and blocks until the whole answer is read or {@code timeout} has passed. */
  private byte[] post(URI url, byte[] body, Duration timeout, int maxBytes) throws UpstreamFailure, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, info -> new Limited(maxBytes));
    HttpResponse<byte[]> response;
    try {
      response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new TimedOut();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TooLarge) {
        throw new UpstreamFailure("Response too large (max " + maxBytes + " bytes)");
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw new TimedOut();
      }
      throw new UpstreamFailure("Upstream request failed (" + cause.getClass().getSimpleName() + ")");
    }
    if (response.statusCode() != 200) {
      throw new UpstreamFailure("Upstream answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  private static final class TooLarge extends RuntimeException {

    TooLarge() {
      super(null, null, false, false);
    }
  }

  /** Collects the body, cancelling the exchange as soon as it grows past its limit. */
  private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

    private final int maxBytes;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Limited(int maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (buffer.size() + item.remaining() > maxBytes) {
          subscription.cancel();
          body.completeExceptionally(new TooLarge());
          return;
        }
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        buffer.writeBytes(bytes);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(buffer.toByteArray());
    }
  }
}
