package io.wasmhive.relay.error;

import io.wasmhive.platform.errors.ClientMessages;
import io.wasmhive.platform.errors.FrameworkErrors;
import io.wasmhive.platform.errors.InternalErrors;
import io.wasmhive.relay.RelayApplication;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place the relay's error bodies are made: {@code {"success":false, <body fields>, "error":{"code",
 * "message", <error fields>}}} with the code's status (and {@code Retry-After} when the client should wait), for
 * every controller of the relay and, through {@link #write}, for the SSE servlet, which runs outside Spring MVC.
 * Framework failures (a method not allowed, an unreadable body) get the code of their status; anything else is an
 * {@code INTERNAL_ERROR} whose message is only a reference to the log. Thread-safe.
 */
@RestControllerAdvice(basePackageClasses = RelayApplication.class)
public class RelayErrors {

  private final JsonMapper json = JsonMapper.builder().build();

  /** The body of an error, its keys in the order the relay has always written them. */
  public static Map<String, Object> body(RelayException e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.error().code());
    error.put("message", e.getMessage() == null ? "" : e.getMessage());
    error.putAll(e.errorFields());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.putAll(e.bodyFields());
    body.put("error", error);
    return body;
  }

  /**
   * The body of an error the security chain writes (platform-infra's codes, like {@code UNAUTHORIZED}): the same
   * shape, {@code {"success":false,"error":{"code","message"}}}.
   */
  public static Map<String, Object> body(String code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message == null ? "" : message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put("error", error);
    return body;
  }

  /** The body as JSON text, for responses the relay stores and replays byte for byte. */
  public String json(RelayException e) {
    return json.writeValueAsString(body(e));
  }

  /** Writes the error as the whole response of a plain servlet. Blocks while the body is written. */
  public void write(HttpServletResponse response, RelayException e) throws IOException {
    byte[] bytes = json(e).getBytes(StandardCharsets.UTF_8);
    response.setStatus(e.error().status().value());
    if (e.retryAfterSeconds() != null) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  @ExceptionHandler(RelayException.class)
  ResponseEntity<Object> relay(RelayException e) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.error().status());
    if (e.retryAfterSeconds() != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    return response.contentType(MediaType.APPLICATION_JSON).body(body(e));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
    return relay(new RelayException(RelayError.METHOD_NOT_ALLOWED, e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return relay(new RelayException(RelayError.NOT_ACCEPTABLE, "this endpoint answers application/json"));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
    // The parser's message names Java types: ClientMessages says what is wrong in the document's own terms.
    return relay(new RelayException(RelayError.INVALID_REQUEST, "the request body is not valid: "
        + ClientMessages.jsonProblem(e)));
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(TypeMismatchException e) {
    String name = e.getPropertyName() == null ? "a parameter" : "parameter '" + e.getPropertyName() + "'";
    return relay(new RelayException(RelayError.INVALID_REQUEST, name + " is not valid"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> other(Exception e) {
    int status = FrameworkErrors.clientStatus(e);
    if (status > 0) {
      return relay(new RelayException(RelayError.ofFrameworkStatus(status), FrameworkErrors.clientMessage(e)));
    }
    return relay(new RelayException(RelayError.INTERNAL_ERROR,
        InternalErrors.logged("Unexpected failure of the relay API", e)));
  }
}
