package io.wasmhive.relay.stages;

/**
 * The points of one request's path that {@link StageClock} time-stamps, in the order a request passes them; each
 * stage's time is from the previous point to its own.
 */
public enum Stage {
  /** The service received the body (the HTTP thread, after Tomcat, the filters and the controller). */
  RECEIVED("received"),
  /** The rate limit answered (one Redis round trip). */
  RATE_LIMITED("rate_limit"),
  /** The body was validated (no I/O). */
  VALIDATED("validation"),
  /** The request id was claimed in the idempotency store (one round trip). */
  CLAIMED("idempotency"),
  /** Permission and module resolution (cached; no round trip when warm). */
  RESOLVED("permission"),
  /** A concurrency slot was taken (one round trip). */
  SLOT_TAKEN("concurrency"),
  /** The queue position was read and the request published ({@code execution_queued} with it). */
  ENQUEUED("enqueue"),
  /** An executor consumer has the request (queue wait, the consumer's read and the decoding). */
  PICKED_UP("queue_wait"),
  /** The consumer claimed the request and published {@code execution_started} (one round trip). */
  BEGUN("begin"),
  /** The module ran (the hand-off to the executor's worker, the execution, the result's conversion). */
  EXECUTED("execution"),
  /** The outcome and the final event were published with the marker (one round trip). */
  PUBLISHED("publish"),
  /** The waiting HTTP thread has the outcome. */
  WOKEN("delivery"),
  /** The user's slot was released and the response stored (two round trips); the HTTP thread answers next. */
  RECORDED("record");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  /** The stage's name in the log line. */
  public String label() {
    return label;
  }
}
