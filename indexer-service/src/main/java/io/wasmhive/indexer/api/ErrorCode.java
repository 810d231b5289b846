package io.wasmhive.indexer.api;

/** Stable error codes of the indexer's HTTP API, each with its status and whether a retry may succeed. */
public enum ErrorCode {
  BAD_REQUEST(400, false),
  /** The text is not a CID this indexer understands (CIDv0, or CIDv1 raw/dag-pb with sha2-256). */
  INVALID_CID(400, false),
  /** The bytes are not a WebAssembly module (magic {@code \0asm}, version 1). */
  NOT_WASM(400, false),
  /**
   * The bytes carry the WebAssembly header but are not a valid module, or use a proposal the executors do not allow
   * ({@code WASM_FEATURES}); the message says what and where.
   */
  INVALID_MODULE(422, false),
  NOT_FOUND(404, false),
  /** The requested representation ({@code format}) is not one this gateway serves. */
  NOT_ACCEPTABLE(406, false),
  PAYLOAD_TOO_LARGE(413, false),
  INTERNAL_ERROR(500, true);

  private final int status;
  private final boolean retryable;

  ErrorCode(int status, boolean retryable) {
    this.status = status;
    this.retryable = retryable;
  }

  /** The HTTP status this code is answered with. */
  public int status() {
    return status;
  }

  /** Whether the same request may succeed if sent again unchanged. */
  public boolean retryable() {
    return retryable;
  }
}
