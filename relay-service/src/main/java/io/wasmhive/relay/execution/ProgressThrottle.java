package io.wasmhive.relay.execution;

import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Passes on at most one {@code host.progress} report per interval of one execution, clamped to 0–100; the first
 * report always passes, later ones only when the interval has passed since the last one passed on (reports in
 * between are dropped, not delayed). Called on the execution's worker thread only; not thread-safe.
 */
final class ProgressThrottle implements IntConsumer {

  private final IntConsumer target;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private boolean reported;
  private long lastNanos;

  ProgressThrottle(IntConsumer target, long intervalNanos, LongSupplier nanoTime) {
    this.target = target;
    this.intervalNanos = intervalNanos;
    this.nanoTime = nanoTime;
  }

  @Override
  public void accept(int percent) {
    long now = nanoTime.getAsLong();
    if (reported && now - lastNanos < intervalNanos) {
      return;
    }
    reported = true;
    lastNanos = now;
    target.accept(Math.max(0, Math.min(100, percent)));
  }

  /** Whether any report was passed on (only then is there anything to flush before the final event). */
  boolean reportedAny() {
    return reported;
  }
}
