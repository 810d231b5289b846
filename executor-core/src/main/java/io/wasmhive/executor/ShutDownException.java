package io.wasmhive.executor;

/** The pool is shutting down and accepts no new tasks. */
public class ShutDownException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public ShutDownException(String message) {
    super(message);
  }

  public ShutDownException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.SHUT_DOWN;
  }
}
