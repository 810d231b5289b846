package io.wasmhive.indexer.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One round of a fetch: the gateways asked in order, hedged. The next gateway starts when the hedge delay passes
 * without a verified answer, or at once when a request fails or times out; the first verified module wins and every
 * other request is cancelled. Runs on the caller's thread, which it blocks; used once, by one thread.
 */
final class HedgedRound {

  /** The winning answer of a round. */
  record Winner(byte[] module, Gateway gateway) {
  }

  private final FetchRun run;
  private final int attempt;
  private final Deque<Gateway> waiting;
  private final Map<GatewayAttempt, Long> running = new LinkedHashMap<>();
  private final BlockingQueue<AttemptOutcome> outcomes = new LinkedBlockingQueue<>();
  private final List<GatewayFailure> failures = new ArrayList<>();

  HedgedRound(FetchRun run, int attempt) {
    this.run = run;
    this.attempt = attempt;
    this.waiting = new ArrayDeque<>(run.context().gateways());
  }

  /**
   * Runs the round to its end. Blocks.
   *
   * @throws ModuleFetchException when every gateway failed, retryable when one of them failed in a transient way
   */
  Winner await() {
    long nextHedge = startNext();
    while (!running.isEmpty()) {
      AttemptOutcome outcome = poll(nextHedge);
      long now = System.nanoTime();
      if (outcome == null) {
        nextHedge = expire(now) || now - nextHedge >= 0 ? startNext() : nextHedge;
      } else if (running.remove(outcome.attempt()) != null) {
        if (outcome.succeeded()) {
          run.context().metrics().request(outcome.attempt().gateway(), "ok");
          cancelAll();
          return new Winner(outcome.module(), outcome.attempt().gateway());
        }
        record(outcome.attempt().gateway(), outcome.failure());
        if (outcome.failure().reason().conclusive()) {
          cancelAll();
          break;
        }
        nextHedge = startNext();
      }
    }
    boolean retryable = failures.stream().anyMatch(f -> f.reason().retryable())
        && failures.stream().noneMatch(f -> f.reason().conclusive());
    throw ModuleFetchException.roundFailed(run.cid(), attempt, retryable, run.failures());
  }

  /** Starts the next waiting gateway, if any; returns when the one after it is due. */
  private long startNext() {
    long now = System.nanoTime();
    Gateway gateway = waiting.poll();
    if (gateway != null) {
      GatewayAttempt request = new GatewayAttempt(run.context().client(), gateway, run.cid(), attempt);
      if (run.context().workers().isShutdown()) {
        cancelAll();
        throw new ModuleFetchException(run.cid(), "cannot fetch " + run.cid() + ": the fetcher is closed", false,
            run.failures());
      }
      running.put(request, now + run.context().requestTimeoutNanos());
      run.context().inFlight().incrementAndGet();
      request.start(run.context().workers(), outcome -> {
        run.context().inFlight().decrementAndGet();
        outcomes.add(outcome);
      });
    }
    return now + run.context().hedgeDelayNanos();
  }

  /**
   * Times out the requests past their deadline and starts a waiting gateway for each but the last; returns whether
   * there were any (the caller starts one more).
   */
  private boolean expire(long now) {
    List<GatewayAttempt> late = running.entrySet().stream()
        .filter(e -> now - e.getValue() >= 0).map(Map.Entry::getKey).toList();
    for (GatewayAttempt request : late) {
      running.remove(request);
      request.cancel();
      record(request.gateway(), request.failure(FailureReason.TIMEOUT, "no complete answer within "
          + run.context().client().requestTimeout().toMillis() + " ms"));
    }
    for (int i = 1; i < late.size(); i++) {
      startNext();
    }
    return !late.isEmpty();
  }

  private AttemptOutcome poll(long nextHedge) {
    long now = System.nanoTime();
    long until = running.values().stream().mapToLong(Long::longValue).reduce(Long.MAX_VALUE, Math::min);
    if (!waiting.isEmpty() && nextHedge - until < 0) {
      until = nextHedge;
    }
    try {
      return outcomes.poll(Math.max(0, until - now), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      cancelAll();
      Thread.currentThread().interrupt();
      throw new ModuleFetchException(run.cid(), "fetch of " + run.cid() + " interrupted", false, run.failures());
    }
  }

  private void record(Gateway gateway, GatewayFailure failure) {
    failures.add(failure);
    run.failures().add(failure);
    run.context().metrics().request(gateway, failure.reason().tag());
  }

  /** Cancels every request still running: a loser of the hedge, counted as {@code cancelled}. */
  private void cancelAll() {
    running.keySet().forEach(request -> {
      request.cancel();
      run.context().metrics().request(request.gateway(), "cancelled");
    });
    running.clear();
  }
}
