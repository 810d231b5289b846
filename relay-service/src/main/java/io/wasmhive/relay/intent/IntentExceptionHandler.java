package io.wasmhive.relay.intent;

import io.wasmhive.platform.errors.InternalErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders every failure of the intent API in the relay's error shape. */
@RestControllerAdvice(assignableTypes = {IntentController.class, RelayHealthController.class})
public class IntentExceptionHandler {

  @ExceptionHandler(RelayApiException.class)
  public ResponseEntity<Object> relay(RelayApiException e) {
    return ApiErrors.response(e);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  public ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
    return ApiErrors.response(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  public ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return ApiErrors.response(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "this endpoint answers application/json");
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Object> unexpected(Exception e) {
    return ApiErrors.response(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
        InternalErrors.logged("Unexpected failure of the intent API", e));
  }
}
