package io.wasmhive.platform.events;

/**
 * What a handler throws to say whether its failure is worth another delivery. A retryable failure
 * leaves the entry pending, to be reclaimed and delivered again after the reclaim idle time; a
 * failure that is not retryable sends the entry to the dead-letter stream at once.
 *
 * <p>Handlers may also throw any exception with a public {@code boolean retryable()} method (such
 * as executor-core's {@code ExecutorException}); the bus asks it. Any other exception counts as
 * retryable.
 */
public class EventHandlingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  protected EventHandlingException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** A failure that another delivery may not repeat (a dependency was down, a timeout). */
  public static EventHandlingException retryable(String message, Throwable cause) {
    return new EventHandlingException(message, true, cause);
  }

  /** A failure that every delivery would repeat (bad input, a missing module). */
  public static EventHandlingException notRetryable(String message, Throwable cause) {
    return new EventHandlingException(message, false, cause);
  }

  /** Whether delivering the event again may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
