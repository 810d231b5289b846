package io.wasmhive.relay.execution;

/**
 * An execution that ends without output for a reason the relay decides (not the guest's trap): its
 * {@link #code()} is one of {@link ExecutionOutcome}'s error codes. Not retryable: the same request fails the
 * same way again.
 */
final class ExecutionFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String INVALID_INPUT = "INVALID_INPUT";
  static final String INVALID_OUTPUT = "INVALID_OUTPUT";
  static final String MODULE_UNAVAILABLE = "MODULE_UNAVAILABLE";
  static final String INVALID_MODULE = "INVALID_MODULE";
  static final String INTERNAL_ERROR = "INTERNAL_ERROR";

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
