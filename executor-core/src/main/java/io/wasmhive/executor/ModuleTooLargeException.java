package io.wasmhive.executor;

/** The module is larger than the configured maximum size. */
public class ModuleTooLargeException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public ModuleTooLargeException(String message) {
    super(message);
  }

  public ModuleTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.MODULE_TOO_LARGE;
  }
}
