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
  /** No valid credentials (secure mode); written by the security chain. */
  UNAUTHORIZED(401, false),
  /** The caller lacks the role: uploads and {@code POST /index} need {@code modules:write} (or admin). */
  FORBIDDEN(403, false),
  /** The alias belongs to another principal; only its owner or an administrator may re-point it. */
  ALIAS_OWNED(403, false),
  /** The alias is an id of the on-chain module registry; only the chain watcher moves it, nobody over HTTP. */
  REGISTRY_ALIAS(403, false),
  NOT_FOUND(404, false),
  /** The requested representation ({@code format}) is not one this gateway serves. */
  NOT_ACCEPTABLE(406, false),
  PAYLOAD_TOO_LARGE(413, false),
  /**
   * The principal's uploads of this UTC day would pass {@code indexer.modules.max-upload-bytes-per-day}; the same
   * upload succeeds on the next day.
   */
  UPLOAD_QUOTA_EXCEEDED(429, true),
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
