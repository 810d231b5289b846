package io.wasmhive.procedure.error;

import io.wasmhive.executor.ErrorKind;

/** Stable error codes of the HTTP API, each with its status and whether the same request may succeed later. */
public enum ErrorCode {
  BAD_REQUEST(400, false),
  /** No valid credentials (secure mode); written by the security chain. */
  UNAUTHORIZED(401, false),
  /**
   * The caller may not do this: the database belongs to another tenant, or the procedure to another principal
   * (replace and drop are its owner's or an administrator's).
   */
  FORBIDDEN(403, false),
  NOT_FOUND(404, false),
  ALREADY_EXISTS(409, false),
  /**
   * The tenant has {@code procedure.max-procedures-per-tenant} procedures already; a create succeeds again after a
   * drop (a replace never counts twice).
   */
  PROCEDURE_LIMIT_REACHED(409, false),
  /** Another writer appended to the same derivation's log at the same time; sending the request again succeeds. */
  CONFLICT(409, true),
  INVALID_WASM(400, false),
  TYPE_MISMATCH(400, false),
  /** The call ran out of time or gas; 422 rather than 408, which clients may retry on their own. */
  TIMEOUT(422, false),
  MEMORY_LIMIT(422, false),
  TRAP(422, false),
  /** The guest produced more output than the limit allows. */
  OUTPUT_LIMIT(422, false),
  /** The guest's bytes-ABI result does not decode as the declared return type (e.g. TEXT that is not UTF-8). */
  INVALID_RESULT(422, false),
  OVERLOADED(429, true),
  PAYLOAD_TOO_LARGE(413, false),
  /** The service is shutting down; another instance (or this one after a restart) can take the call. */
  UNAVAILABLE(503, true),
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

  /** The code an executor error of the given kind is reported as. */
  public static ErrorCode of(ErrorKind kind) {
    return switch (kind) {
      case INVALID_MODULE, UNSUPPORTED_FEATURE, UNKNOWN_IMPORT -> INVALID_WASM;
      case MODULE_TOO_LARGE -> PAYLOAD_TOO_LARGE;
      case INVALID_TASK -> BAD_REQUEST;
      case TIMEOUT, OUT_OF_GAS -> TIMEOUT;
      case MEMORY_LIMIT -> MEMORY_LIMIT;
      case TRAP -> TRAP;
      case OUTPUT_LIMIT -> OUTPUT_LIMIT;
      case OVERLOADED -> OVERLOADED;
      case SHUT_DOWN -> UNAVAILABLE;
      case MODULE_NOT_FOUND, INTERNAL -> INTERNAL_ERROR;
    };
  }
}
