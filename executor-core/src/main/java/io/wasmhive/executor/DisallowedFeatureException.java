package io.wasmhive.executor;

/**
 * The module uses a WebAssembly proposal that is off or that the engine cannot run; the message names the
 * proposal, the instruction or construct, the function or section and the offset.
 */
public class DisallowedFeatureException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  public DisallowedFeatureException(String message) {
    super(message);
  }

  public DisallowedFeatureException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.UNSUPPORTED_FEATURE;
  }
}
