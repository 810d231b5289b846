package io.wasmhive.workflow.api;

import io.wasmhive.platform.errors.FrameworkErrors;
import io.wasmhive.platform.errors.InternalErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place the workflow API's error bodies are made: {@code {"error":{"code","message","details"}}} with the
 * code's status, for every controller marked {@link WorkflowApi}. Framework failures get the code of their status;
 * anything unexpected is an {@code INTERNAL_ERROR} whose message is only a reference to the log. Thread-safe.
 */
@RestControllerAdvice(annotations = WorkflowApi.class)
public class WorkflowErrors {

  /** The body of an error; {@code details} is {@code null} when there are none. */
  public static Map<String, Object> body(WorkflowException e) {
    return body(e.error().code(), e.getMessage(), e.details());
  }

  /** The body of an error by its code (also the security chain's refusals, through the service's error shape). */
  public static Map<String, Object> body(String code, String message, Object details) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message == null ? "" : message);
    error.put("details", details);
    return Map.of("error", error);
  }

  @ExceptionHandler(WorkflowException.class)
  ResponseEntity<Object> workflow(WorkflowException e) {
    return ResponseEntity.status(e.error().status()).contentType(MediaType.APPLICATION_JSON).body(body(e));
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(TypeMismatchException e) {
    String name = e.getPropertyName() == null ? "a parameter" : "parameter '" + e.getPropertyName() + "'";
    return workflow(new WorkflowException(WorkflowError.INVALID_REQUEST, name + " is not valid"));
  }

  @ExceptionHandler(DataAccessResourceFailureException.class)
  ResponseEntity<Object> unavailable(DataAccessResourceFailureException e) {
    return workflow(new WorkflowException(WorkflowError.UNAVAILABLE,
        InternalErrors.logged("The workflow store is unreachable", e)));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> other(Exception e) {
    int status = FrameworkErrors.clientStatus(e);
    if (status > 0) {
      return workflow(new WorkflowException(WorkflowError.ofFrameworkStatus(status), FrameworkErrors.clientMessage(e)));
    }
    return workflow(new WorkflowException(WorkflowError.INTERNAL_ERROR,
        InternalErrors.logged("Unexpected failure of the workflow API", e)));
  }
}
