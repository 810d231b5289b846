package io.wasmhive.relay.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay's one unchecked exception for a request it answers with an error: a {@link RelayError} and a message
 * for the client, plus extra fields of the {@code error} object (such as {@code field}, {@code tried} or
 * {@code reason}) and of the top level of the body (such as {@code retry_after} or {@code request_id}), and the
 * {@code Retry-After} header when the client should wait. {@link RelayErrors} renders it.
 */
public class RelayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RelayError error;
  private final transient Map<String, Object> errorFields = new LinkedHashMap<>();
  private final transient Map<String, Object> bodyFields = new LinkedHashMap<>();
  private Long retryAfterSeconds;

  public RelayException(RelayError error, String message) {
    super(message);
    this.error = error;
  }

  /** {@link RelayError#INVALID_REQUEST} naming the field ({@code $} for the body as a whole). */
  public static RelayException badRequest(String field, String message) {
    return new RelayException(RelayError.INVALID_REQUEST, message).withErrorField("field", field);
  }

  /** Adds a field to the {@code error} object. */
  public RelayException withErrorField(String name, Object value) {
    errorFields.put(name, value);
    return this;
  }

  /** Adds a field to the top level of the body. */
  public RelayException withBodyField(String name, Object value) {
    bodyFields.put(name, value);
    return this;
  }

  /** Says when to try again: the {@code Retry-After} header and {@code retry_after} in the body, in seconds. */
  public RelayException withRetryAfter(long seconds) {
    this.retryAfterSeconds = seconds;
    return withBodyField("retry_after", seconds);
  }

  /** Says when to try again in the {@code Retry-After} header only (the SSE endpoint's errors carry no more). */
  public RelayException withRetryAfterHeader(long seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  public RelayError error() {
    return error;
  }

  public Map<String, Object> errorFields() {
    return errorFields;
  }

  public Map<String, Object> bodyFields() {
    return bodyFields;
  }

  /** The {@code Retry-After} header's seconds, or null for none. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
