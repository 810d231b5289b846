package io.wasmhive.relay.names;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.platform.errors.InternalErrors;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the names API as {@code {"success":false,"error":{"code","message"}}} with a fitting status. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = NamesController.class)
class NameErrors {

  @ExceptionHandler(NameException.class)
  ResponseEntity<Map<String, Object>> name(NameException e) {
    return respond(e.status(), e.code(), e.getMessage());
  }

  @ExceptionHandler(NameRegistry.NameTakenException.class)
  ResponseEntity<Map<String, Object>> taken(NameRegistry.NameTakenException e) {
    return respond(HttpStatus.CONFLICT, "NAME_TAKEN", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> invalidName(IllegalArgumentException e) {
    return respond(HttpStatus.BAD_REQUEST, "INVALID_NAME", e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    // The parser's message names Java types: ClientMessages says what is wrong in the document's own terms.
    return respond(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "the request body is not valid: "
        + ClientMessages.jsonProblem(e));
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(TypeMismatchException e) {
    String name = e.getPropertyName() == null ? "a parameter" : "parameter '" + e.getPropertyName() + "'";
    return respond(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", name + " is not valid");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> other(Exception e) {
    if (e instanceof ErrorResponse framework) {
      HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
      String detail = framework.getBody().getDetail();
      return respond(status, status.is4xxClientError() ? "INVALID_REQUEST" : "INTERNAL_ERROR",
          detail == null ? String.valueOf(e.getMessage()) : detail);
    }
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
        InternalErrors.logged("Unexpected failure of the names API", e));
  }

  private static ResponseEntity<Map<String, Object>> respond(HttpStatus status, String code, String message) {
    return ResponseEntity.status(status).body(Map.of("success", false,
        "error", Map.of("code", code, "message", message == null ? "" : message)));
  }
}
