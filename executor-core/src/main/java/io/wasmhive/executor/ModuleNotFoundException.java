package io.wasmhive.executor;

/**
 * No compiled module with the requested id is cached, the task carries no bytes to register it and the
 * executor's {@link ModuleSource} has none.
 */
public class ModuleNotFoundException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public ModuleNotFoundException(String message) {
    super(message);
  }

  public ModuleNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.MODULE_NOT_FOUND;
  }
}
