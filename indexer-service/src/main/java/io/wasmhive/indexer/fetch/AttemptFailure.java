package io.wasmhive.indexer.fetch;

/** Thrown inside one gateway request to end it with a {@link FailureReason}; never leaves this package. */
final class AttemptFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final FailureReason reason;

  AttemptFailure(FailureReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  FailureReason reason() {
    return reason;
  }
}
