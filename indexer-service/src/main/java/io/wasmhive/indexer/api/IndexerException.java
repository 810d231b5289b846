package io.wasmhive.indexer.api;

/** The indexer's root exception: a stable {@link ErrorCode} and a message for the caller. */
public class IndexerException extends RuntimeException {

  private final ErrorCode code;

  public IndexerException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public IndexerException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** Whether the same request may succeed later. */
  public boolean retryable() {
    return code.retryable();
  }
}
