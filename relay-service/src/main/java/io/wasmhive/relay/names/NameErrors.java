package io.wasmhive.relay.names;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

  private static final Log logger = LogFactory.getLog(NameErrors.class);

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

  @ExceptionHandler({HttpMessageNotReadableException.class, TypeMismatchException.class})
  ResponseEntity<Map<String, Object>> unreadable(Exception e) {
    return respond(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "the request body or a parameter is not valid: "
        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> other(Exception e) {
    if (e instanceof ErrorResponse framework) {
      HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
      String detail = framework.getBody().getDetail();
      return respond(status, status.is4xxClientError() ? "INVALID_REQUEST" : "INTERNAL_ERROR",
          detail == null ? String.valueOf(e.getMessage()) : detail);
    }
    logger.error("Unexpected failure of the names API", e);
    return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "internal error: " + e.getClass().getSimpleName());
  }

  private static ResponseEntity<Map<String, Object>> respond(HttpStatus status, String code, String message) {
    return ResponseEntity.status(status).body(Map.of("success", false,
        "error", Map.of("code", code, "message", message == null ? "" : message)));
  }
}
