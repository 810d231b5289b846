package io.wasmhive.relay.error;

import org.springframework.http.HttpStatus;

/**
 * Every error code the relay answers with, once: its HTTP status and whether the same request, sent again
 * unchanged, may succeed. The code is the constant's name, as it appears in {@code error.code} of a body and in
 * {@code error_code} of {@code wasm_exec_completed}. {@link RelayErrors} renders them.
 */
public enum RelayError {

  // Authentication and authorization (secure mode; see docs/relay.md).
  /** No credentials, or invalid, expired or revoked ones; {@code WWW-Authenticate: Bearer} says how to send them. */
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, false),
  /** The caller lacks the role the path needs (an administrator's path). */
  FORBIDDEN(HttpStatus.FORBIDDEN, false),
  /** A browser origin that is not allowed, or (local mode) a host name that is not loopback. */
  ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN, false),

  // The request itself.
  /** The body or a parameter breaks the schema; {@code error.field} names the field when there is one. */
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, false),
  /** The body is not {@code application/json}. */
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, false),
  /** The body is larger than {@code relay.intent.max-body-bytes}. */
  PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, false),
  /** The endpoint does not take this method. */
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, false),
  /** The endpoint answers JSON only. */
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, false),
  /** No execution with this request id is known to this user. */
  NOT_FOUND(HttpStatus.NOT_FOUND, false),
  /**
   * The {@code idempotency_key} was used by this user for a different request (module, inputs or policy) within the
   * idempotency TTL: 422, as the IETF {@code Idempotency-Key} draft has it; the other request's answer is not given.
   */
  IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, false),

  // The guards.
  /** The user's rate limit is used up; {@code retry_after} says when the next request is admitted. */
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, true),
  /** The user already has {@code relay.concurrency.per-user} executions queued or running. */
  CONCURRENCY_LIMITED(HttpStatus.TOO_MANY_REQUESTS, true),
  /** The permission check refused the module to the user; {@code error.reason} says why. */
  PERMISSION_DENIED(HttpStatus.FORBIDDEN, false),
  /** No module for the reference; {@code error.tried} lists what was looked at. */
  MODULE_NOT_FOUND(HttpStatus.NOT_FOUND, false),

  // The relay's own state.
  /** Redis (the queue or the event bus) is unreachable, or the relay is shutting down; nothing was executed. */
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, true),
  /** No result within {@code max_time} plus the slack; the execution may still finish (see the status URL). */
  RESULT_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, true),
  /** A failure of the relay or the executor; the message carries only a reference to the log. */
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, true),

  // An execution that ran and failed (the guest's doing): 422, cached like a success.
  /** The guest ran past {@code max_time}. */
  TIMEOUT(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The guest used up {@code max_gas}. */
  OUT_OF_GAS(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The guest asked for more memory than {@code max_memory}. */
  MEMORY_LIMIT(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The guest trapped or exited with a non-zero code. */
  TRAP(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The inputs do not fit the module's entry. */
  INVALID_INPUT(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The guest wrote more than the output limit. */
  OUTPUT_LIMIT(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The guest's output is not JSON (or a NaN or infinite float). */
  INVALID_OUTPUT(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The stored module will never run here: invalid, too large, a proposal that is off, an unknown import. */
  INVALID_MODULE(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** A failed outcome that names no code (another publisher's). */
  EXECUTION_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, false),
  /** The executor could not get the module's bytes. */
  MODULE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, true),

  // The names API.
  /** A name or version that breaks the naming rules, or {@code latest} as a version to register. */
  INVALID_NAME(HttpStatus.BAD_REQUEST, false),
  /** A missing or malformed CID. */
  INVALID_CID(HttpStatus.BAD_REQUEST, false),
  /** The name and version are registered for another module. */
  NAME_TAKEN(HttpStatus.CONFLICT, false),
  /** No such name or version. */
  NAME_NOT_FOUND(HttpStatus.NOT_FOUND, false),
  /** The name belongs to another principal: only its owner or an administrator registers its versions. */
  NAME_OWNED(HttpStatus.FORBIDDEN, false),

  // Execution events (SSE).
  /** {@code relay.sse.enabled=false} on this relay. */
  SSE_DISABLED(HttpStatus.NOT_FOUND, false),
  /** {@code Last-Event-ID} is not an event id this endpoint sent. */
  INVALID_LAST_EVENT_ID(HttpStatus.BAD_REQUEST, false),
  /** {@code request_id} is not 1 to 128 printable ASCII characters. */
  INVALID_REQUEST_ID(HttpStatus.BAD_REQUEST, false),
  /** This relay already serves {@code relay.sse.max-connections} subscribers. */
  TOO_MANY_SUBSCRIBERS(HttpStatus.SERVICE_UNAVAILABLE, true),
  /** The user already holds {@code relay.sse.max-connections-per-principal} event streams on this relay. */
  TOO_MANY_CONNECTIONS(HttpStatus.TOO_MANY_REQUESTS, true);

  private final HttpStatus status;
  private final boolean retryable;

  RelayError(HttpStatus status, boolean retryable) {
    this.status = status;
    this.retryable = retryable;
  }

  /** The code as clients see it. */
  public String code() {
    return name();
  }

  /** The HTTP status this code is answered with. */
  public HttpStatus status() {
    return status;
  }

  /** Whether the same request may succeed if sent again unchanged. */
  public boolean retryable() {
    return retryable;
  }

  /** The HTTP status of a failed execution's response, by its outcome's {@code error_code} (422 when unknown). */
  public static HttpStatus statusOfOutcome(String errorCode) {
    for (RelayError error : values()) {
      if (error.name().equals(errorCode)) {
        return error.status;
      }
    }
    return EXECUTION_FAILED.status;
  }

  /** The code for an error the web framework raised with {@code status}. */
  static RelayError ofFrameworkStatus(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 503 -> UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    };
  }
}
