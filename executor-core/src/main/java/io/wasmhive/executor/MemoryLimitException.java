package io.wasmhive.executor;

/** The module needs more linear memory than its {@code max_memory} allows. */
public class MemoryLimitException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public MemoryLimitException(String message) {
    super(message);
  }

  public MemoryLimitException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.MEMORY_LIMIT;
  }
}
