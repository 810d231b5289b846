package io.wasmhive.relay.intent;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Builds the relay's error body: {@code {"success":false,"error":{"code","message",...},...}}. */
public final class ApiErrors {

  private ApiErrors() {
  }

  public static Map<String, Object> body(String code, String message, Map<String, Object> errorFields,
      Map<String, Object> bodyFields) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    error.putAll(errorFields);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.putAll(bodyFields);
    body.put("error", error);
    return body;
  }

  public static ResponseEntity<Object> response(RelayApiException e) {
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status());
    Object retryAfter = e.bodyFields().get("retry_after");
    if (retryAfter != null) {
      builder.header("Retry-After", String.valueOf(retryAfter));
    }
    return builder.body(body(e.code(), e.getMessage(), e.errorFields(), e.bodyFields()));
  }

  public static ResponseEntity<Object> response(HttpStatus status, String code, String message) {
    return ResponseEntity.status(status).body(body(code, message, Map.of(), Map.of()));
  }
}
