package io.wasmhive.workflow.chain;

import java.time.Duration;

/**
 * When one call must be answered: {@code allowed} after it started (the smaller of the call timeout and the time
 * the step had left). Everything the call sends upstream, the pin fetch included, shares it.
 */
record CallDeadline(long deadlineNanos, Duration allowed) {

  static CallDeadline of(long startedNanos, Duration callTimeout, Duration stepTimeLeft) {
    Duration allowed = stepTimeLeft.compareTo(callTimeout) < 0 ? stepTimeLeft : callTimeout;
    if (allowed.isNegative()) {
      allowed = Duration.ZERO;
    }
    return new CallDeadline(startedNanos + allowed.toNanos(), allowed);
  }

  /** The time left, or the timeout failure when none is. */
  Duration left() throws UpstreamClient.UpstreamFailure {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw timedOut();
    }
    return Duration.ofNanos(left);
  }

  UpstreamClient.UpstreamFailure timedOut() {
    return new UpstreamClient.UpstreamFailure("RPC call timeout after " + allowed.toMillis() + "ms");
  }
}
