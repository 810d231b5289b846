package io.wasmhive.executor;

/** The execution ran longer than its {@code max_time} and was interrupted. */
public class ExecutionTimeoutException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public ExecutionTimeoutException(String message) {
    super(message);
  }

  public ExecutionTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.TIMEOUT;
  }
}
