package io.wasmhive.procedure.api;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.platform.errors.FrameworkErrors;
import io.wasmhive.platform.errors.InternalErrors;
import io.wasmhive.procedure.api.ApiModel.ErrorBody;
import io.wasmhive.procedure.api.ApiModel.ErrorJson;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place errors become {@code {"error":{"code","message"}}} with the code's HTTP status. */
@RestControllerAdvice
class ApiErrors {

  @ExceptionHandler(ProcedureException.class)
  ResponseEntity<ErrorBody> procedure(ProcedureException e) {
    // JSON whatever the client accepts: a request that accepts only another type (a snapshot's bytes) would
    // otherwise get its error as an empty body, since content negotiation finds no converter for it.
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.code().status())
        .contentType(MediaType.APPLICATION_JSON);
    if (e.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
    }
    return response.body(body(e.code(), e.getMessage()));
  }

  @ExceptionHandler(ExecutorException.class)
  ResponseEntity<ErrorBody> executor(ExecutorException e) {
    return procedure(ProcedureException.from(e));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    return procedure(unreadableBody(e));
  }

  /**
   * The answer to a body that does not parse or bind: 400 {@code BAD_REQUEST} in the document's terms, or the
   * body limit's own failure (413) when the parser or the converter wrapped it.
   */
  static ProcedureException unreadableBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ProcedureException pe) {
        return pe;
      }
    }
    // The parser's own message names Java types; ClientMessages says what is wrong in the document's terms.
    return new ProcedureException(ErrorCode.BAD_REQUEST,
        "the request body is missing or not valid for this endpoint: " + ClientMessages.jsonProblem(e));
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<ErrorBody> typeMismatch(TypeMismatchException e) {
    // Spring's message names the Java types of the conversion; the parameter's name is what the client knows.
    String name = e.getPropertyName() == null ? "a parameter" : "parameter '" + e.getPropertyName() + "'";
    return respond(400, ErrorCode.BAD_REQUEST, name + " has an invalid value");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> other(Exception e) {
    int status = FrameworkErrors.clientStatus(e);
    if (status > 0) {
      return respond(status, codeFor(status), FrameworkErrors.clientMessage(e));
    }
    return respond(500, ErrorCode.INTERNAL_ERROR, InternalErrors.logged("Unexpected failure of the procedure API", e));
  }

  private static ErrorCode codeFor(int status) {
    return switch (status) {
      case 404 -> ErrorCode.NOT_FOUND;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 429 -> ErrorCode.OVERLOADED;
      default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
    };
  }

  private static ResponseEntity<ErrorBody> respond(int status, ErrorCode code, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(code, message));
  }

  private static ErrorBody body(ErrorCode code, String message) {
    return new ErrorBody(new ErrorJson(code.name(), message));
  }
}
