package io.wasmhive.workflow.run;

/** Where a run stands. {@link #SUCCEEDED} and {@link #FAILED} are final and written once. */
public enum RunStatus {
  /** Accepted and on the stream, not started. */
  QUEUED,
  /** Claimed by a runner under a lease; a runner that dies leaves it to be claimed again when the lease ends. */
  RUNNING,
  /** Every step ran (or the contract steps were skipped as a module asked) and no step failed. */
  SUCCEEDED,
  /** A step failed; the run's {@code error} and the step say why. */
  FAILED;

  /** Whether the run is over. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
