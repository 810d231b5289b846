package io.wasmhive.relay.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * The futures of one relay instance waiting for outcomes, by request id. A future leaves the table however it
 * ends (completed, cancelled, timed out by its holder, or expired here after the maximum wait), so abandoned
 * waits cannot pile up. The last outcomes seen are kept for a short while, so a waiter that registers just after
 * its outcome went by still gets it. Thread-safe; never blocks.
 */
final class Waiters {

  private final Map<String, List<Waiter>> byRequest = new ConcurrentHashMap<>();
  private final Map<String, Seen> recent;
  private final long maxWaitNanos;
  private final long recentNanos;

  Waiters(Duration maxWait, int recentCapacity, Duration recentFor) {
    this.maxWaitNanos = maxWait.toNanos();
    this.recentNanos = recentFor.toNanos();
    this.recent = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
        return size() > recentCapacity;
      }
    });
  }

  /** A future for the request's outcome; with {@code replay}, completed at once by a recently seen outcome. */
  CompletableFuture<ExecutionOutcome> register(String requestId, boolean replay) {
    CompletableFuture<ExecutionOutcome> future = new CompletableFuture<>();
    Waiter waiter = new Waiter(future, System.nanoTime() + maxWaitNanos);
    byRequest.compute(requestId, (id, list) -> {
      List<Waiter> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
      next.add(waiter);
      return next;
    });
    future.whenComplete((outcome, failure) -> remove(requestId, waiter));
    if (replay) {
      Seen seen = recent.get(requestId);
      if (seen != null && System.nanoTime() - seen.atNanos() < recentNanos) {
        future.complete(seen.outcome());
      }
    }
    return future;
  }

  /** Completes every waiter of the request. */
  void complete(String requestId, ExecutionOutcome outcome) {
    recent.put(requestId, new Seen(outcome, System.nanoTime()));
    List<Waiter> list = byRequest.remove(requestId);
    if (list != null) {
      list.forEach(w -> w.future().complete(outcome));
    }
  }

  /** Fails the waiters older than the maximum wait with a {@link TimeoutException}. */
  void expire() {
    long now = System.nanoTime();
    byRequest.values().forEach(list -> list.stream().filter(w -> now - w.deadlineNanos() > 0).toList()
        .forEach(w -> w.future().completeExceptionally(new TimeoutException("no outcome within the maximum wait"))));
  }

  void failAll(Throwable failure) {
    List.copyOf(byRequest.values()).forEach(list -> list.forEach(w -> w.future().completeExceptionally(failure)));
  }

  /** Futures registered and not yet ended. */
  int size() {
    return byRequest.values().stream().mapToInt(List::size).sum();
  }

  private void remove(String requestId, Waiter waiter) {
    byRequest.computeIfPresent(requestId, (id, list) -> {
      List<Waiter> next = new ArrayList<>(list);
      next.remove(waiter);
      return next.isEmpty() ? null : next;
    });
  }

  private record Waiter(CompletableFuture<ExecutionOutcome> future, long deadlineNanos) {
  }

  private record Seen(ExecutionOutcome outcome, long atNanos) {
  }
}
