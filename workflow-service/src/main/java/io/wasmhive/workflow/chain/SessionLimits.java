package io.wasmhive.workflow.chain;

import java.time.Duration;

/**
 * What bounds one {@link ChainSession}; see {@link ChainProperties} for each member.
 *
 * @param callTimeout the longest one call may take
 * @param callBudget how many calls the session may forward
 * @param maxResponseBytes the largest upstream response accepted
 * @param maxRecordedBytes how many characters of request and response text are recorded in all
 */
public record SessionLimits(Duration callTimeout, int callBudget, int maxResponseBytes, int maxRecordedBytes) {

  public SessionLimits {
    if (callTimeout.isNegative() || callTimeout.isZero() || callBudget < 0 || maxResponseBytes < 1
        || maxRecordedBytes < 0) {
      throw new IllegalArgumentException("invalid session limits: " + callTimeout + ", " + callBudget + ", "
          + maxResponseBytes + ", " + maxRecordedBytes);
    }
  }
}
