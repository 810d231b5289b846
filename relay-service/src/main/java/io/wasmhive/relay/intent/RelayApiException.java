package io.wasmhive.relay.intent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the relay answers with an error: an HTTP status, a stable code and a message, plus extra fields
 * of the error object (such as {@code field} or {@code tried}) and of the top-level body (such as
 * {@code retry_after} or {@code request_id}).
 */
public class RelayApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String code;
  private final transient Map<String, Object> errorFields = new LinkedHashMap<>();
  private final transient Map<String, Object> bodyFields = new LinkedHashMap<>();

  public RelayApiException(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public static RelayApiException badRequest(String field, String message) {
    return new RelayApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message).withErrorField("field", field);
  }

  /** Adds a field to the {@code error} object. */
  public RelayApiException withErrorField(String name, Object value) {
    errorFields.put(name, value);
    return this;
  }

  /** Adds a field to the top level of the body. */
  public RelayApiException withBodyField(String name, Object value) {
    bodyFields.put(name, value);
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> errorFields() {
    return errorFields;
  }

  public Map<String, Object> bodyFields() {
    return bodyFields;
  }
}
