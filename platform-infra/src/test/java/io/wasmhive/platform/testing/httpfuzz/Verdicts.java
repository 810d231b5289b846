package io.wasmhive.platform.testing.httpfuzz;

import java.util.List;

/**
 * The rules every answer to a fuzzed request must keep: no 5xx; a 4xx body in the service's error shape, as JSON
 * (a {@code HEAD} answer has no body, and a refusal of a request the server cut off may have lost its body); no sign of the service's internals (stack frames, exception class names,
 * Java package names) in an error body; and an answer at all, unless the request was so large that the server
 * may close the connection before reading it. Stateless.
 */
final class Verdicts {

  /** Text that only a stack trace, an exception's class name or a Java type name would put into a body. */
  static final List<String> INTERNALS = List.of("\tat ", "at io.", "at java.", "at org.", "Exception", "java.",
      "jakarta.", "org.springframework", "tools.jackson", "com.fasterxml", "Caused by", "io.wasmhive.");

  private static final int CLOSE_ALLOWED_BYTES = 1 << 20;

  private Verdicts() {
  }

  /** What breaks the rules, or null. */
  static String problem(FuzzRequest request, FuzzResponse response, ErrorBodyCheck shape) {
    if (response.status() == 0) {
      return request.body().length >= CLOSE_ALLOWED_BYTES || headerBytes(request) >= 8_192 ? null
          : "the connection closed without an answer";
    }
    if (response.status() >= 500) {
      return "a 5xx answer";
    }
    if (response.status() < 400 || response.cut() && response.body().length == 0) {
      // A refusal the server wrote while the request was still arriving may lose its body to the connection's reset.
      return null;
    }
    for (String marker : INTERNALS) {
      if (response.text().contains(marker)) {
        return "the error body shows internals (\"" + marker.replace("\t", "\\t") + "\")";
      }
    }
    if ("HEAD".equals(request.method())) {
      return null;
    }
    var json = JsonMutations.parseOrNull(response.body());
    if (json == null || !json.isObject()) {
      return "the error body is not a JSON object";
    }
    String path = request.target().split("\\?", 2)[0];
    String shapeProblem = shape.problem(path, json);
    return shapeProblem == null ? null : "the error body is not in the service's shape: " + shapeProblem;
  }

  private static int headerBytes(FuzzRequest request) {
    return request.headers().stream().mapToInt(h -> h.getKey().length() + h.getValue().length() + 4).sum();
  }
}
