package io.wasmhive.platform.events;

/**
 * An event or event type the bus cannot use: not a record, no valid {@link EventName}, JSON that
 * does not encode or decode, a stream entry without a {@code type} or of another type than the
 * subscription expects. Never retryable: a consumer dead-letters such an entry at once.
 */
public class InvalidEventException extends EventBusException {

  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message, false, null);
  }

  public InvalidEventException(String message, Throwable cause) {
    super(message, false, cause);
  }
}
