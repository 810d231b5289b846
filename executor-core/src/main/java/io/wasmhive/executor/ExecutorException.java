package io.wasmhive.executor;

/**
 * Root of every error the executor reports. Unchecked; each subtype says whether trying the same
 * task again may succeed ({@link #retryable()}), which stream consumers use to ack, retry or dead-letter.
 */
public abstract class ExecutorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected ExecutorException(String message) {
    super(message);
  }

  protected ExecutorException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The stable kind of this error, for wire formats and metrics. */
  public abstract ErrorKind kind();

  /** Whether the same task may succeed if submitted again unchanged (for example after load drops). */
  public boolean retryable() {
    return kind().retryable();
  }
}
