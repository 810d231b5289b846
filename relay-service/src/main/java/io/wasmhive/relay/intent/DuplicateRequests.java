package io.wasmhive.relay.intent;

import io.wasmhive.relay.error.RelayError;
import io.wasmhive.relay.error.RelayException;
import io.wasmhive.relay.gateway.ExecutionGateway;
import io.wasmhive.relay.gateway.ExecutionOutcome;
import io.wasmhive.relay.guard.IdempotencyStore;
import io.wasmhive.relay.guard.IdempotencyStore.Claim;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Stage 3, idempotency (ADR 0009): the first request with a request id claims it and runs; a repeat gets the stored
 * response at once, or, while the first is still running, waits for that response (woken early by the outcome's
 * arrival) and returns it byte for byte. If the first gave up before executing, the waiting repeat takes over and
 * runs. Thread-safe; blocks while it waits.
 */
final class DuplicateRequests {

  private final IdempotencyStore idempotency;
  private final ExecutionGateway gateway;
  private final Duration poll;
  private final IntentMetrics metrics;

  DuplicateRequests(IdempotencyStore idempotency, ExecutionGateway gateway, Duration poll, IntentMetrics metrics) {
    this.idempotency = idempotency;
    this.gateway = gateway;
    this.poll = poll;
    this.metrics = metrics;
  }

  /**
   * Claims the request id for {@code hold} (in the name of {@code userId}) and runs the request, or answers it as a
   * repeat.
   *
   * @param wait how long a synchronous repeat waits for the first one's response
   * @param run runs the request once the claim is this request's
   */
  IntentResult claimAndRun(ValidatedRequest request, String requestId, String fingerprint, String userId,
      Duration wait, Duration hold, Supplier<IntentResult> run) {
    Claim claim = idempotency.claim(requestId, fingerprint, userId, hold);
    refuseReuse(request, claim, fingerprint);
    if (claim instanceof Claim.Done done) {
      metrics.idempotentHit();
      return ExecutionResponses.replay(done);
    }
    if (claim instanceof Claim.InFlight) {
      metrics.idempotentHit();
      return request.async() ? ExecutionResponses.accepted(requestId)
          : awaitFirst(request, requestId, fingerprint, userId, hold, run, System.nanoTime() + wait.toNanos());
    }
    return run.get();
  }

  /**
   * Refuses a request whose {@code idempotency_key} was claimed for another request: the stored fingerprint differs
   * from this request's. A claim without a fingerprint (stored before fingerprints) is not compared.
   */
  private static void refuseReuse(ValidatedRequest request, Claim claim, String fingerprint) {
    if (fingerprint != null && claim.fingerprint() != null && !fingerprint.equals(claim.fingerprint())) {
      throw new RelayException(RelayError.IDEMPOTENCY_KEY_REUSED, "idempotency_key " + request.idempotencyKey()
          + " was already used for a different request (module, inputs or policy); use a new key for a new request")
          .withErrorField("field", "idempotency_key");
    }
  }

  /** Forgets the claim of a request refused before it was published, so that a retry runs anew. */
  void release(String requestId) {
    idempotency.release(requestId);
  }

  private IntentResult awaitFirst(ValidatedRequest request, String requestId, String fingerprint, String userId,
      Duration hold, Supplier<IntentResult> run, long deadline) {
    CompletableFuture<ExecutionOutcome> arrival = gateway.awaitCompletion(requestId);
    try {
      long pollMillis = Math.max(1, poll.toMillis());
      while (true) {
        Optional<IntentResult> answer = storedOrTakenOver(request, requestId, fingerprint, userId, hold, run);
        if (answer.isPresent()) {
          return answer.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new RelayException(RelayError.RESULT_TIMEOUT, "an identical request is still running; its result"
              + " will be at GET " + ExecutionResponses.STATUS_PATH + requestId).withBodyField("request_id", requestId);
        }
        awaitArrival(arrival, Math.min(pollMillis, TimeUnit.NANOSECONDS.toMillis(left) + 1));
      }
    } finally {
      arrival.cancel(false);
    }
  }

  /** The stored response if there is one now; or, when the first request gave up, this one's own run. */
  private Optional<IntentResult> storedOrTakenOver(ValidatedRequest request, String requestId, String fingerprint,
      String userId, Duration hold, Supplier<IntentResult> run) {
    Optional<Claim> claim = idempotency.peek(requestId);
    if (claim.isPresent() && claim.get() instanceof Claim.Done done) {
      refuseReuse(request, done, fingerprint);
      return Optional.of(ExecutionResponses.replay(done));
    }
    if (claim.isEmpty()) {
      Claim again = idempotency.claim(requestId, fingerprint, userId, hold);
      refuseReuse(request, again, fingerprint);
      if (again instanceof Claim.Acquired) {
        return Optional.of(run.get());
      }
      if (again instanceof Claim.Done done) {
        return Optional.of(ExecutionResponses.replay(done));
      }
    }
    return Optional.empty();
  }

  private static void awaitArrival(CompletableFuture<ExecutionOutcome> arrival, long millis) {
    try {
      arrival.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Keep polling: the stored response is what this request returns.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RelayException(RelayError.UNAVAILABLE, "the relay is shutting down");
    }
  }
}
