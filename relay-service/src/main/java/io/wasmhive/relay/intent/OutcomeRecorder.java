package io.wasmhive.relay.intent;

import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.gateway.ExecutionOutcome;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.identity.RequestIdentity;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a published request's outcome into its response and stores it for the idempotency TTL, whether or not the
 * client still waits: off the thread that delivered the outcome (the one follower of {@code wasm_exec_completed}),
 * since storing the response and releasing the user's slot are Redis round trips that would otherwise queue up
 * behind each other. Owns the threads that do it. Thread-safe.
 */
final class OutcomeRecorder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

  private final IdempotencyStore idempotency;
  private final RequestGuards guards;
  private final IntentMetrics metrics;
  private final ExecutorService finisher = Executors.newFixedThreadPool(
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), runnable -> {
        Thread thread = new Thread(runnable, "relay-finish");
        thread.setDaemon(true);
        return thread;
      });

  OutcomeRecorder(IdempotencyStore idempotency, RequestGuards guards, IntentMetrics metrics) {
    this.idempotency = idempotency;
    this.guards = guards;
    this.metrics = metrics;
  }

  /**
   * The response the outcome will make; never fails. Without an outcome within {@code hold} (the claim's lifetime)
   * the claim is forgotten, so that a retry executes anew, and the response is {@code RESULT_TIMEOUT}.
   */
  CompletableFuture<IntentResult> record(CompletableFuture<ExecutionOutcome> outcome, String requestId,
      RequestIdentity who, Duration hold) {
    return outcome.orTimeout(hold.toMillis(), TimeUnit.MILLISECONDS).handleAsync((o, failure) -> {
      guards.releaseSlot(who, requestId);
      return o == null ? noOutcome(requestId, failure) : store(requestId, who, o);
    }, finisher);
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
