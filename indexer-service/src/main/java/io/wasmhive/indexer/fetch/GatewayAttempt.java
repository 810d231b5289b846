package io.wasmhive.indexer.fetch;

import io.wasmhive.platform.ipfs.BlockMismatchException;
import io.wasmhive.platform.ipfs.Cid;
import io.wasmhive.platform.ipfs.DagTooComplexException;
import io.wasmhive.platform.ipfs.IpfsException;
import io.wasmhive.platform.ipfs.SizeLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One request for one CID to one gateway, from sending to the verified module. Waiting for the answer's headers holds
 * no thread; reading and verifying the body runs on a reader thread. {@link #cancel} may be called from any thread
 * and aborts the request: the pending exchange is cancelled, the body closed and its reader interrupted.
 */
final class GatewayAttempt {

  private final GatewayClient client;
  private final Gateway gateway;
  private final Cid cid;
  private final int attempt;
  private final Object lock = new Object();
  private volatile boolean cancelled;
  private volatile CompletableFuture<HttpResponse<InputStream>> pending;
  private volatile CountingInputStream body;
  private Thread reader;

  GatewayAttempt(GatewayClient client, Gateway gateway, Cid cid, int attempt) {
    this.client = client;
    this.gateway = gateway;
    this.cid = cid;
    this.attempt = attempt;
  }

  Gateway gateway() {
    return gateway;
  }

  /**
   * Sends the request and hands its outcome to {@code done} exactly once, from another thread: the module, or why
   * there is none. Does not block; the body is read on {@code readers}.
   */
  void start(Executor readers, Consumer<AttemptOutcome> done) {
    pending = client.send(gateway, cid);
    if (cancelled) {
      pending.cancel(true);
    }
    pending.whenComplete((response, error) -> {
      if (error != null) {
        done.accept(failed(error));
        return;
      }
      body = new CountingInputStream(response.body());
      try {
        readers.execute(() -> done.accept(readOnThisThread(response)));
      } catch (RejectedExecutionException e) {
        closeQuietly(body);
        done.accept(new AttemptOutcome(this, null, failure(FailureReason.CONNECT, "the fetcher is closed")));
      }
    });
  }

  /** Aborts the request. Thread-safe and idempotent; the outcome then says "cancelled" and is to be ignored. */
  void cancel() {
    cancelled = true;
    CompletableFuture<HttpResponse<InputStream>> future = pending;
    if (future != null) {
      future.cancel(true);
    }
    closeQuietly(body);
    synchronized (lock) {
      if (reader != null) {
        reader.interrupt();
      }
    }
  }

  /** A failure of this request, for reasons decided outside it (a timeout seen by the round). */
  GatewayFailure failure(FailureReason reason, String message) {
    CountingInputStream in = body;
    return new GatewayFailure(gateway.masked(), reason, gateway.redact(message), attempt,
        in == null ? 0 : in.count());
  }

  private AttemptOutcome readOnThisThread(HttpResponse<InputStream> response) {
    synchronized (lock) {
      reader = Thread.currentThread();
    }
    try (CountingInputStream in = body) {
      if (cancelled) {
        return failed(new IOException("cancelled"));
      }
      return new AttemptOutcome(this, read(response, in), null);
    } catch (Exception e) {
      return failed(e);
    } finally {
      synchronized (lock) {
        reader = null;
        Thread.interrupted();
      }
    }
  }

  private byte[] read(HttpResponse<InputStream> response, CountingInputStream in) throws IOException {
    requireOk(response.statusCode());
    requireLength(response.headers().firstValueAsLong("Content-Length").orElse(-1));
    byte[] module = GatewayClient.asBlock(cid) ? ModuleBodies.readBlock(in, cid, client.maxModuleBytes())
        : ModuleBodies.readCar(in, cid, client.maxCarBytes(), client.maxModuleBytes());
    ModuleBodies.requireWasm(module);
    return module;
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

  private AttemptOutcome failed(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof AttemptFailure f) {
      return new AttemptOutcome(this, null, failure(f.reason(), f.getMessage()));
    }
    String text = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    String message = cancelled ? "cancelled"
        : (cause instanceof ConnectException ? "cannot connect" : cause.getClass().getSimpleName()) + text;
    return new AttemptOutcome(this, null, failure(classify(cause), message));
  }

  private static FailureReason classify(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return FailureReason.TIMEOUT;
    }
    if (cause instanceof SizeLimitExceededException) {
      return FailureReason.TOO_LARGE;
    }
    if (cause instanceof BlockMismatchException) {
      return FailureReason.HASH_MISMATCH;
    }
    if (cause instanceof DagTooComplexException) {
      return FailureReason.DAG_TOO_COMPLEX;
    }
    return cause instanceof IpfsException ? FailureReason.MALFORMED : FailureReason.CONNECT;
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
