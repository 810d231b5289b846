package io.wasmhive.platform.testing.httpfuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One handler method as the fuzzer sees it: its path pattern ({@code /procedures/{name}/call}), the methods it
 * takes, the media types it consumes and produces, its named query parameters and multipart parts, and the JSON
 * fields of its body with a value of the right type each (from the body's record, or from a sample the test gave).
 * Immutable.
 */
public record Endpoint(String pattern, Set<String> methods, Set<String> consumes, Set<String> produces,
    List<String> queryParameters, List<String> parts, Map<String, Object> jsonFields) {

  /** {@code "POST /procedures/{name}/call"} for the first method. */
  public String key() {
    return method() + " " + pattern;
  }

  /** The method a normal request uses: the first declared, or GET for a mapping of any method. */
  public String method() {
    return methods.isEmpty() ? "GET" : methods.iterator().next();
  }

  /** Whether the endpoint answers Server-Sent Events. */
  public boolean streams() {
    return produces.contains("text/event-stream");
  }

  /** Whether it reads a multipart body. */
  public boolean multipart() {
    return !parts.isEmpty() || consumes.stream().anyMatch(c -> c.startsWith("multipart/"));
  }

  /** The names of the pattern's path variables, in order. */
  public List<String> variables() {
    return java.util.regex.Pattern.compile("\\{([^}:*]+)[^}]*}").matcher(pattern).results()
        .map(m -> m.group(1).replace("*", "")).toList();
  }

  /** A copy whose JSON fields are {@code fields}. */
  Endpoint withFields(Map<String, Object> fields) {
    return new Endpoint(pattern, methods, consumes, produces, queryParameters, parts, fields);
  }
}
