package io.wasmhive.platform.security;

import java.util.Map;

/**
 * The body of an error in the service's own shape, for the refusals this package writes (no credentials, wrong
 * credentials, a forbidden role, a refused origin) and the admin API's errors. A service that answers errors in
 * another shape than {@code {"error":{"code","message"}}} declares its own bean.
 */
@FunctionalInterface
public interface ErrorShape {

  /** The error body for a code (upper-case, like {@code UNAUTHORIZED}) and a message for the client. */
  Map<String, Object> body(String code, String message);

  /** The default: {@code {"error":{"code","message"}}}. */
  static ErrorShape standard() {
    return (code, message) -> Map.of("error", Map.of("code", code, "message", message));
  }
}
