package io.wasmhive.platform.testing.httpfuzz;

import tools.jackson.databind.JsonNode;

/**
 * Whether an error response is in the service's own error shape. Implementations are stateless.
 */
@FunctionalInterface
public interface ErrorBodyCheck {

  /** What is wrong with {@code body} (the parsed JSON of an error answer to a request for {@code path}), or null. */
  String problem(String path, JsonNode body);

  /**
   * The shape platform-infra's {@code ErrorShape.standard()} and most services write:
   * {@code {"error":{"code":"UPPER_CASE","message":"…"}}}, with more members allowed.
   */
  static ErrorBodyCheck standard() {
    return (path, body) -> {
      JsonNode error = body.get("error");
      if (error == null || !error.isObject()) {
        return "no \"error\" object";
      }
      JsonNode code = error.get("code");
      if (code == null || !code.isString() || !code.asString().matches("[A-Z][A-Z0-9_]*")) {
        return "\"error.code\" is not an upper-case code";
      }
      JsonNode message = error.get("message");
      return message == null || !message.isString() ? "\"error.message\" is not a string" : null;
    };
  }

  /** This check, and then {@code next} as well. */
  default ErrorBodyCheck and(ErrorBodyCheck next) {
    return (path, body) -> {
      String problem = problem(path, body);
      return problem != null ? problem : next.problem(path, body);
    };
  }
}
