package io.wasmhive.relay.execution;

import io.wasmhive.relay.error.RelayError;

/**
 * An execution that ends without output for a reason the relay decides (not the guest's trap): its
 * {@link #code()} is one of the {@link RelayError} codes an outcome may carry. Not retryable: the same request fails the
 * same way again.
 */
final class ExecutionFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String INVALID_INPUT = RelayError.INVALID_INPUT.code();
  static final String INVALID_OUTPUT = RelayError.INVALID_OUTPUT.code();
  static final String MODULE_UNAVAILABLE = RelayError.MODULE_UNAVAILABLE.code();
  static final String INVALID_MODULE = RelayError.INVALID_MODULE.code();
  static final String INTERNAL_ERROR = RelayError.INTERNAL_ERROR.code();

  private final String code;

  ExecutionFailure(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }

  boolean retryable() {
    return false;
  }
}
