package io.wasmhive.procedure.error;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.OverloadedException;
import io.wasmhive.executor.TrapException;
import io.wasmhive.platform.errors.InternalErrors;
import java.time.Duration;

/** The one unchecked exception of procedure-service: a stable {@link ErrorCode} and a message for the caller. */
public class ProcedureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Duration retryAfter;

  public ProcedureException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  private ProcedureException(ErrorCode code, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /**
   * The executor's error in the API's vocabulary; a trap's message names its trap code. An internal error is
   * logged with its cause and reaches the client only as a reference.
   */
  public static ProcedureException from(ExecutorException e) {
    ErrorCode code = ErrorCode.of(e.kind());
    String message = e instanceof TrapException trap ? "trap " + trap.trapCode() + ": " + e.getMessage() : e.getMessage();
    if (code == ErrorCode.INTERNAL_ERROR) {
      message = InternalErrors.logged("The executor failed (" + e.kind() + ")", e);
    }
    Duration retryAfter = e instanceof OverloadedException o ? o.retryAfter() : null;
    if ((code == ErrorCode.OVERLOADED || code == ErrorCode.UNAVAILABLE) && retryAfter == null) {
      retryAfter = Duration.ofSeconds(1);
    }
    return new ProcedureException(code, message, retryAfter, e);
  }

  /** The seed's own wording: its example error message is {@code procedure not found}. */
  public static ProcedureException procedureNotFound(String name) {
    return new ProcedureException(ErrorCode.NOT_FOUND, "procedure not found: " + name);
  }

  public ErrorCode code() {
    return code;
  }

  /** How long an overloaded caller should wait before trying again, or {@code null}. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
