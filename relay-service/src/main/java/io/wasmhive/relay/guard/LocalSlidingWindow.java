package io.wasmhive.relay.guard;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The rate limiter's in-process fallback: the same sliding window as the Redis script, one log of admission
 * times per user, on this JVM's monotonic clock. Not shared between instances. Thread-safe; users whose log
 * has emptied are dropped every few thousand calls so that memory stays bounded by the active users.
 */
final class LocalSlidingWindow {

  private static final int SWEEP_EVERY = 4096;

  private final long windowNanos;

  private final LongSupplier nanoClock;

  private final Map<String, ArrayDeque<Long>> logs = new ConcurrentHashMap<>();

  private final AtomicLong calls = new AtomicLong();

  LocalSlidingWindow(Duration window, LongSupplier nanoClock) {
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Admits one request of {@code userId} if fewer than {@code limit} were admitted in the last window. */
  RateLimitDecision tryConsume(String userId, long limit) {
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep();
    }
    RateLimitDecision[] decision = new RateLimitDecision[1];
    logs.compute(userId, (user, log) -> {
      ArrayDeque<Long> admitted = log == null ? new ArrayDeque<>() : log;
      decision[0] = consume(admitted, limit, nanoClock.getAsLong());
      return admitted;
    });
    return decision[0];
  }

  /** How many users have a log now; for tests of the sweep. */
  int users() {
    return logs.size();
  }

  /** Drops the logs of users without a request in the last window. */
  void sweep() {
    long now = nanoClock.getAsLong();
    for (Iterator<String> users = logs.keySet().iterator(); users.hasNext(); ) {
      logs.computeIfPresent(users.next(), (user, log) -> {
        prune(log, now);
        return log.isEmpty() ? null : log;
      });
    }
  }

  private RateLimitDecision consume(ArrayDeque<Long> admitted, long limit, long now) {
    prune(admitted, now);
    int count = admitted.size();
    if (count < limit) {
      admitted.addLast(now);
      return new RateLimitDecision(true, limit, limit - count - 1, Duration.ZERO);
    }
    Iterator<Long> oldest = admitted.iterator();
    long entry = oldest.next();
    for (long skip = count - limit; skip > 0; skip--) {
      entry = oldest.next();
    }
    return new RateLimitDecision(false, limit, 0, Duration.ofNanos(entry + windowNanos - now));
  }

  private void prune(ArrayDeque<Long> admitted, long now) {
    while (!admitted.isEmpty() && now - admitted.peekFirst() >= windowNanos) {
      admitted.removeFirst();
    }
  }
}
