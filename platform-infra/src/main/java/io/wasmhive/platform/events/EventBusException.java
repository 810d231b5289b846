package io.wasmhive.platform.events;

/**
 * The root of the event bus's unchecked exceptions. {@link #retryable()} says whether trying
 * again may succeed: a publish that failed because Redis was unreachable may; an event that cannot
 * be encoded or decoded never will.
 */
public class EventBusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public EventBusException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** Whether trying the same operation again may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
