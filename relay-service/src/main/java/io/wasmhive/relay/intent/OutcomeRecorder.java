package io.wasmhive.relay.intent;

import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.gateway.ExecutionOutcome;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.identity.RequestIdentity;
import io.wasmhive.relay.stages.Stage;
import io.wasmhive.relay.stages.StageClock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a published request's outcome into its response and stores it for the idempotency TTL, whether or not the
 * client still waits: on the thread of the client that waits for it ({@link #awaitAndRecord}), otherwise off the
 * thread that delivered the outcome (the follower of {@code wasm_exec_completed}, or an executor consumer), since
 * storing the response and releasing the user's slot are Redis round trips that would otherwise queue up behind
 * each other there. Owns the threads that do it. Thread-safe.
 */
final class OutcomeRecorder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

  private final IdempotencyStore idempotency;
  private final RequestGuards guards;
  private final IntentMetrics metrics;
  private final StageClock stages;
  private final ExecutorService finisher = Executors.newFixedThreadPool(
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), runnable -> {
        Thread thread = new Thread(runnable, "relay-finish");
        thread.setDaemon(true);
        return thread;
      });

  OutcomeRecorder(IdempotencyStore idempotency, RequestGuards guards, IntentMetrics metrics, StageClock stages) {
    this.idempotency = idempotency;
    this.guards = guards;
    this.metrics = metrics;
    this.stages = stages;
  }

  /**
   * The response the outcome will make; never fails. Without an outcome within {@code hold} (the claim's lifetime)
   * the claim is forgotten, so that a retry executes anew, and the response is {@code RESULT_TIMEOUT}.
   */
  CompletableFuture<IntentResult> record(CompletableFuture<ExecutionOutcome> outcome, String requestId,
      RequestIdentity who, Duration hold) {
    return outcome.orTimeout(hold.toMillis(), TimeUnit.MILLISECONDS)
        .handleAsync((o, failure) -> finish(requestId, who, o, failure), finisher);
  }

  /**
   * For a client that waits: waits up to {@code wait} for the outcome and records it on the calling thread, which
   * then answers with it, so that no other thread is woken in between. When no outcome came in time, or the wait
   * was interrupted, recording is left to {@link #record} for what is left of {@code hold}, and the exception says
   * why. Blocks.
   *
   * @throws TimeoutException when no outcome arrived within {@code wait}
   * @throws InterruptedException when the calling thread was interrupted while it waited
   */
  IntentResult awaitAndRecord(CompletableFuture<ExecutionOutcome> outcome, String requestId, RequestIdentity who,
      Duration hold, Duration wait) throws TimeoutException, InterruptedException {
    long started = System.nanoTime();
    ExecutionOutcome arrived;
    try {
      arrived = outcome.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | InterruptedException e) {
      record(outcome, requestId, who, hold.minusNanos(System.nanoTime() - started));
      throw e;
    } catch (ExecutionException | CancellationException e) {
      return finish(requestId, who, null, e instanceof ExecutionException ? e.getCause() : e);
    }
    stages.mark(requestId, Stage.WOKEN);
    IntentResult result = finish(requestId, who, arrived, null);
    stages.mark(requestId, Stage.RECORDED);
    return result;
  }

  /** Gives the user's slot back and makes (and stores) the response of an outcome, or of its absence. */
  private IntentResult finish(String requestId, RequestIdentity who, ExecutionOutcome outcome, Throwable failure) {
    guards.releaseSlot(who, requestId);
    return outcome == null ? noOutcome(requestId, failure) : store(requestId, who, outcome);
  }

  private IntentResult noOutcome(String requestId, Throwable failure) {
    log.warn("No outcome for {}: {}", requestId, failure == null ? "none" : failure.toString());
    idempotency.release(requestId);
    metrics.error();
    return ExecutionResponses.error(new RelayException(RelayError.RESULT_TIMEOUT, "no outcome arrived for "
        + requestId).withBodyField("request_id", requestId));
  }

  private IntentResult store(String requestId, RequestIdentity who, ExecutionOutcome outcome) {
    ExecutionResponses.Rendered rendered = ExecutionResponses.outcome(requestId, who, outcome);
    if (outcome.success()) {
      metrics.success(outcome.gasUsed());
    } else {
      metrics.failedExecution(outcome.gasUsed());
    }
    try {
      idempotency.complete(requestId, rendered.stored(), idempotency.ttl());
    } catch (RuntimeException e) {
      log.warn("Could not store the response of {}: {}", requestId, e.toString());
    }
    return rendered.result();
  }

  /** Stops the threads; outcomes arriving later are not stored (their claims expire). */
  @Override
  public void close() {
    finisher.shutdown();
    try {
      finisher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
