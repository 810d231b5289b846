package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.BlockMismatchException;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.IpfsException;
import io.wasmhive.platform.ipfs.SizeLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One request for one CID to one gateway, from sending to the verified module. {@link #run} runs on a worker thread;
 * {@link #cancel} may be called from any thread and aborts the request (the pending exchange is cancelled and the
 * answer's stream closed).
 */
final class GatewayAttempt {

  private final GatewayClient client;
  private final Gateway gateway;
  private final Cid cid;
  private final int attempt;
  private volatile boolean cancelled;
  private volatile CompletableFuture<HttpResponse<InputStream>> pending;
  private volatile CountingInputStream body;

  GatewayAttempt(GatewayClient client, Gateway gateway, Cid cid, int attempt) {
    this.client = client;
    this.gateway = gateway;
    this.cid = cid;
    this.attempt = attempt;
  }

  Gateway gateway() {
    return gateway;
  }

  /** Sends the request and reads the answer. Blocks; never throws: failures come back as the outcome. */
  AttemptOutcome run() {
    try {
      return new AttemptOutcome(this, fetch(), null);
    } catch (AttemptFailure e) {
      return failed(e.reason(), e.getMessage());
    } catch (Exception e) {
      return failed(classify(e), describe(e));
    }
  }

  /** Aborts the request. Thread-safe and idempotent; the outcome of {@link #run} is then to be ignored. */
  void cancel() {
    cancelled = true;
    CompletableFuture<HttpResponse<InputStream>> future = pending;
    if (future != null) {
      future.cancel(true);
    }
    closeQuietly(body);
  }

  /** A failure of this request, for reasons decided outside it (a timeout seen by the round). */
  GatewayFailure failure(FailureReason reason, String message) {
    CountingInputStream in = body;
    return new GatewayFailure(gateway.masked(), reason, gateway.redact(message), attempt,
        in == null ? 0 : in.count());
  }

  private byte[] fetch() throws IOException, InterruptedException, ExecutionException {
    pending = client.send(gateway, cid);
    if (cancelled) {
      cancel();
    }
    HttpResponse<InputStream> response = pending.get();
    try (CountingInputStream in = new CountingInputStream(response.body())) {
      body = in;
      if (cancelled) {
        throw new CancellationException();
      }
      requireOk(response.statusCode());
      requireLength(response.headers().firstValueAsLong("Content-Length").orElse(-1));
      byte[] module = GatewayClient.asBlock(cid) ? ModuleBodies.readBlock(in, cid, client.maxModuleBytes())
          : ModuleBodies.readCar(in, cid, client.maxCarBytes(), client.maxModuleBytes());
      ModuleBodies.requireWasm(module);
      return module;
    }
  }

  private static void requireOk(int status) {
    if (status == 200) {
      return;
    }
    FailureReason reason = status == 404 || status == 410 ? FailureReason.NOT_FOUND
        : status == 429 ? FailureReason.RATE_LIMITED
        : status >= 500 && status <= 599 ? FailureReason.HTTP_5XX
        : FailureReason.HTTP_OTHER;
    throw new AttemptFailure(reason, "HTTP status " + status);
  }

  private void requireLength(long contentLength) {
    long limit = client.answerLimit(cid);
    if (contentLength > limit) {
      throw new AttemptFailure(FailureReason.TOO_LARGE, "Content-Length " + contentLength + " is above the "
          + limit + "-byte limit");
    }
  }

  private static FailureReason classify(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof HttpTimeoutException) {
      return FailureReason.TIMEOUT;
    }
    if (cause instanceof SizeLimitExceededException) {
      return FailureReason.TOO_LARGE;
    }
    if (cause instanceof BlockMismatchException) {
      return FailureReason.HASH_MISMATCH;
    }
    return cause instanceof IpfsException ? FailureReason.MALFORMED : FailureReason.CONNECT;
  }

  private AttemptOutcome failed(FailureReason reason, String message) {
    if (Thread.interrupted() && !cancelled) {
      Thread.currentThread().interrupt();
    }
    return new AttemptOutcome(this, null, failure(reason, message));
  }

  private String describe(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cancelled) {
      return "cancelled";
    }
    String text = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return (cause instanceof ConnectException ? "cannot connect" : cause.getClass().getSimpleName()) + text;
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException ignored) {
        // The stream is being abandoned; its close error says nothing about the module.
      }
    }
  }
}
