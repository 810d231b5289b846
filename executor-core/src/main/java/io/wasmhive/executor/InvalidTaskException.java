package io.wasmhive.executor;

/** The task is malformed: missing export, wrong arguments, or a policy above the server maxima. */
public class InvalidTaskException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public InvalidTaskException(String message) {
    super(message);
  }

  public InvalidTaskException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_TASK;
  }
}
