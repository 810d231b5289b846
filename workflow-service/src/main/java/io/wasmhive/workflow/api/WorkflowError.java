package io.wasmhive.workflow.api;

import org.springframework.http.HttpStatus;

/**
 * Every error code the workflow API answers with, once, with its HTTP status. The code is the constant's name, as
 * it appears in {@code error.code}. The first two are the Ditto SDK's own ({@code WorkflowErrorCode}).
 */
public enum WorkflowError {

  /** The body is not a valid serialized workflow: not JSON, a schema break, a step rule, a limit. */
  INVALID_SERIALIZED_DATA(HttpStatus.BAD_REQUEST),
  /** A number written as a string ({@code value}) is not a non-negative decimal integer of at most 256 bits. */
  INVALID_BIGINT(HttpStatus.BAD_REQUEST),
  /** A request parameter or path variable is malformed. */
  INVALID_REQUEST(HttpStatus.BAD_REQUEST),
  /** The body of a run request is not valid: an unknown mode or member, a malformed context, a limit. */
  INVALID_RUN_REQUEST(HttpStatus.BAD_REQUEST),
  /** A run asked for {@code "execute":true} on a deployment without a signer ({@code WORKFLOW_SIGNER_KEY}). */
  EXECUTION_NOT_CONFIGURED(HttpStatus.BAD_REQUEST),
  /**
   * No credentials, or credentials that are invalid, expired or revoked (secure mode). Written by the security
   * chain (platform-infra's {@code SecurityResponses}) in this API's shape, before a request reaches a controller.
   */
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
  /**
   * The caller may see the workflow but not do this: pausing, resuming or cancelling it, or executing its runs, is
   * for its owner or an administrator; {@code /admin/**} is for administrators (the security chain's refusal).
   */
  FORBIDDEN(HttpStatus.FORBIDDEN),
  /** A browser origin that is not allowed, or a host name local mode does not answer (the security chain). */
  ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN),
  /** No such workflow or run (or path), or one of another tenant: the API does not tell the two apart. */
  NOT_FOUND(HttpStatus.NOT_FOUND),
  /** The endpoint does not take this method. */
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
  /** The endpoint answers JSON only. */
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
  /** MongoDB or Redis is unreachable; nothing was stored. */
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
  /** A failure of the service; the message carries only a reference to the log. */
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
  /** The workflow's schedule cannot make this change in its state (or it has no schedule). */
  SCHEDULE_CONFLICT(HttpStatus.CONFLICT),
  /** A {@code Last-Event-ID} that is not an event id the run events endpoints send. */
  INVALID_LAST_EVENT_ID(HttpStatus.BAD_REQUEST),
  /** This instance already serves {@code workflow.events.max-connections} run event subscribers. */
  TOO_MANY_SUBSCRIBERS(HttpStatus.SERVICE_UNAVAILABLE),
  /** The caller already holds {@code workflow.events.max-connections-per-principal} event streams here. */
  TOO_MANY_CONNECTIONS(HttpStatus.TOO_MANY_REQUESTS);

  private final HttpStatus status;

  WorkflowError(HttpStatus status) {
    this.status = status;
  }

  /** The code as clients see it. */
  public String code() {
    return name();
  }

  /** The HTTP status this code is answered with. */
  public HttpStatus status() {
    return status;
  }

  /** The code for an error the web framework or the servlet container raised with {@code status}. */
  public static WorkflowError ofFrameworkStatus(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 503 -> UNAVAILABLE;
      default -> status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    };
  }
}
