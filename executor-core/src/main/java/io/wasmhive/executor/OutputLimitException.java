package io.wasmhive.executor;

/** The guest wrote more than {@code max_output} bytes to stdout or stderr, or returned more than allowed. */
public class OutputLimitException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public OutputLimitException(String message) {
    super(message);
  }

  public OutputLimitException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.OUTPUT_LIMIT;
  }
}
