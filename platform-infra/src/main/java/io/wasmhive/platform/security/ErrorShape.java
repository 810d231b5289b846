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

  /**
   * The code of a failure that has only an HTTP status (the framework's and the servlet container's refusals,
   * answered by {@code platform.errors}' error controller). The default is the standard shape's codes; a service
   * with codes of its own overrides it.
   */
  default String codeFor(int status) {
    return switch (status) {
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 406 -> "NOT_ACCEPTABLE";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 503 -> "UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }

  /** The default: {@code {"error":{"code","message"}}}. */
  static ErrorShape standard() {
    return (code, message) -> Map.of("error", Map.of("code", code, "message", message));
  }
}
