package io.wasmhive.executor;

/** The module imports a function, memory, table or global the host does not provide. */
public class UnknownImportException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public UnknownImportException(String message) {
    super(message);
  }

  public UnknownImportException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.UNKNOWN_IMPORT;
  }
}
