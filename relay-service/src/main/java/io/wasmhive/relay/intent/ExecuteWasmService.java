package io.wasmhive.relay.intent;

import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.gateway.ExecutionGateway;
import io.wasmhive.relay.gateway.ExecutionOutcome;
import io.wasmhive.relay.gateway.ExecutionRequest;
import io.wasmhive.relay.identity.RequestIdentity;
import io.wasmhive.relay.resolution.ResolvedModule;
import io.wasmhive.relay.stages.Stage;
import io.wasmhive.relay.stages.StageClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The seed's pipeline for one request: rate limit → validation → idempotency → permission → module resolution →
 * execution over Redis streams → response (stored in the idempotency store). The checks are {@link RequestGuards},
 * repeats {@link DuplicateRequests}, storing responses {@link OutcomeRecorder}; this class orders them. Nothing is
 * half-written: a request refused before it was published releases its idempotency claim, and a published
 * request's response is stored when its outcome arrives, even if the HTTP client stopped waiting. Thread-safe;
 * blocks while a synchronous request waits for its result.
 */
public class ExecuteWasmService {

  /** Margin of an in-flight claim beyond the longest time a request may wait for its result. */
  private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

  private final RequestGuards guards;
  private final DuplicateRequests duplicates;
  private final ExecutionGateway gateway;
  private final OutcomeRecorder recorder;
  private final Duration executionSlack;
  private final IntentMetrics metrics;
  private final StageClock stages;

  ExecuteWasmService(RequestGuards guards, DuplicateRequests duplicates, ExecutionGateway gateway,
      OutcomeRecorder recorder, Duration executionSlack, IntentMetrics metrics, StageClock stages) {
    this.guards = guards;
    this.duplicates = duplicates;
    this.gateway = gateway;
    this.recorder = recorder;
    this.executionSlack = executionSlack;
    this.metrics = metrics;
    this.stages = stages;
  }

  /** Runs the pipeline for a raw request body; every refusal is a {@link RelayException}. */
  public IntentResult execute(byte[] body, RequestIdentity who) {
    long start = System.nanoTime();
    StageClock.Trace trace = stages.start();
    try {
      guards.rateLimit(who);
      trace.mark(Stage.RATE_LIMITED);
      ValidatedRequest request = guards.validate(body);
      trace.mark(Stage.VALIDATED);
      String requestId = RequestIds.of(request, who.userId());
      trace.bind(requestId);
      Duration wait = Duration.ofMillis(request.policy().maxTimeMs()).plus(executionSlack);
      // A keyed request is fingerprinted by what it asks for, so that its key cannot replay another request's answer.
      String fingerprint = request.idempotencyKey() == null ? null : RequestIds.content(request, who.userId());
      return duplicates.claimAndRun(request, requestId, fingerprint, who.userId(), wait, wait.plus(CLAIM_MARGIN),
          () -> run(request, requestId, who, wait, trace));
    } catch (RelayException e) {
      if (e.error().status().is5xxServerError() || e.error().status().value() == 404) {
        metrics.error();
      }
      throw e;
    } finally {
      metrics.duration(System.nanoTime() - start);
      trace.end();
    }
  }

  /** Stages 4 to 7 for a request whose id this one holds. */
  private IntentResult run(ValidatedRequest request, String requestId, RequestIdentity who, Duration wait,
      StageClock.Trace trace) {
    trace.mark(Stage.CLAIMED);
    Duration hold = wait.plus(CLAIM_MARGIN);
    CompletableFuture<ExecutionOutcome> outcome;
    try {
      ResolvedModule module = guards.permitAndResolve(who, request.cid());
      trace.mark(Stage.RESOLVED);
      guards.acquireSlot(who, requestId, hold);
      trace.mark(Stage.SLOT_TAKEN);
      outcome = submit(new ExecutionRequest(requestId, request.cid(), module.sha256(), request.inputs(),
          request.policy(), who.userId(), who.sessionId(), Instant.now()), who);
      trace.mark(Stage.ENQUEUED);
    } catch (RuntimeException e) {
      duplicates.release(requestId);
      throw e;
    }
    if (request.async()) {
      recorder.record(outcome, requestId, who, hold);
      return ExecutionResponses.accepted(requestId);
    }
    return await(outcome, requestId, who, hold, wait);
  }

  private CompletableFuture<ExecutionOutcome> submit(ExecutionRequest execution, RequestIdentity who) {
    try {
      return gateway.submit(execution);
    } catch (EventBusException e) {
      guards.releaseSlot(who, execution.requestId());
      throw new RelayException(RelayError.UNAVAILABLE,
          "the execution queue is unreachable; nothing was executed, retry later")
          .withBodyField("request_id", execution.requestId());
    }
  }

  /** Waits for the outcome on this thread, which records it and answers; recording goes on without the client. */
  private IntentResult await(CompletableFuture<ExecutionOutcome> outcome, String requestId, RequestIdentity who,
      Duration hold, Duration wait) {
    try {
      return recorder.awaitAndRecord(outcome, requestId, who, hold, wait);
    } catch (TimeoutException e) {
      throw new RelayException(RelayError.RESULT_TIMEOUT, "no result within " + wait.toMillis()
          + " ms; the execution may still finish: GET " + ExecutionResponses.STATUS_PATH + requestId)
          .withBodyField("request_id", requestId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RelayException(RelayError.UNAVAILABLE, "the relay is shutting down")
          .withBodyField("request_id", requestId);
    }
  }
}
