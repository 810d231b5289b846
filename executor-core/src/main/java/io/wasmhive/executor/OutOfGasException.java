package io.wasmhive.executor;

/** The execution consumed all of its {@code max_gas}. */
public class OutOfGasException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public OutOfGasException(String message) {
    super(message);
  }

  public OutOfGasException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.OUT_OF_GAS;
  }
}
