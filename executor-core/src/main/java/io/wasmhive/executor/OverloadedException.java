package io.wasmhive.executor;

import java.time.Duration;

/**
 * The pool's queue is full; nothing was queued. Services turn this into 429 or 503 with a
 * {@code Retry-After} of {@link #retryAfter()}.
 */
public class OverloadedException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public OverloadedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** A hint of how long to wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.OVERLOADED;
  }
}
