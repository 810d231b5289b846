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

/**
 * Posts one JSON-RPC request to a chain's endpoint and reads at most a given number of bytes of the answer, all
 * within one deadline. Thread-safe (one {@link HttpClient} shared by every session).
 */
final class UpstreamClient {

  /** Why an upstream call gave no usable answer; the message never contains the endpoint's URL. */
  static final class UpstreamFailure extends Exception {

    UpstreamFailure(String message) {
      super(message, null, false, false);
    }
  }

  private final HttpClient client;

  UpstreamClient(HttpClient client) {
    this.client = client;
  }

  /** Posts {@code body} and blocks until the whole answer is read or {@code timeout} has passed. */
  byte[] post(URI url, byte[] body, Duration timeout, int maxBytes) throws UpstreamFailure, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, info -> new Limited(maxBytes));
    HttpResponse<byte[]> response;
    try {
      response = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new UpstreamFailure("RPC call timeout after " + timeout.toMillis() + "ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TooLarge) {
        throw new UpstreamFailure("Response too large (max " + maxBytes + " bytes)");
      }
      if (cause instanceof java.net.http.HttpTimeoutException) {
        throw new UpstreamFailure("RPC call timeout after " + timeout.toMillis() + "ms");
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
