package io.wasmhive.executor;

/**
 * A failure of the host itself (engine, native resources, a defect), not of the guest. Its message is a plain
 * sentence fit for a client; what went wrong is in the cause, which callers log rather than show.
 */
public class HostFailureException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  /** The message of a failure whose details are only in the cause. */
  public static final String MESSAGE = "internal error: the executor failed while running the task";

  public HostFailureException(String message) {
    super(message);
  }

  public HostFailureException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INTERNAL;
  }
}
