package io.wasmhive.executor;

/** The bytes are not a valid WebAssembly module; the message names the section, opcode or offset. */
public class InvalidModuleException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public InvalidModuleException(String message) {
    super(message);
  }

  public InvalidModuleException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.INVALID_MODULE;
  }
}
