package io.wasmhive.platform.executor;

/**
 * A JSON value that is not a WebAssembly value of the type asked for, or a WebAssembly value JSON cannot hold.
 * The message is a plain sentence for the client; services turn it into their own error (the relay's
 * {@code INVALID_INPUT} or {@code INVALID_OUTPUT}, procedure-service's {@code TYPE_MISMATCH}).
 */
public class ValueConversionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ValueConversionException(String message) {
    super(message);
  }
}
