package io.wasmhive.workflow.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems found in a document, in the shape of zod's issues (the SDK's {@code details}): {@code code},
 * {@code message}, {@code path} and the code's own members. At most {@value #MAX} are kept. Not thread-safe.
 */
final class Issues {

  static final int MAX = 20;

  private final List<Map<String, Object>> list = new ArrayList<>();

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<Map<String, Object>> list() {
    return List.copyOf(list);
  }

  void add(Map<String, Object> issue) {
    if (list.size() < MAX) {
      list.add(issue);
    }
  }

  void missing(Path path, String expected) {
    add(issue("invalid_type", path, "expected", expected, "received", "undefined", "message", "Required"));
  }

  void wrongType(Path path, String expected, String received) {
    add(issue("invalid_type", path, "expected", expected, "received", received, "message",
        "Expected " + expected + ", received " + received));
  }

  void regex(Path path) {
    add(issue("invalid_string", path, "validation", "regex", "message", "Invalid"));
  }

  void notPositive(Path path) {
    add(issue("too_small", path, "minimum", 0, "type", "number", "inclusive", false, "exact", false, "message",
        "Number must be greater than 0"));
  }

  void tooBig(Path path, long maximum, String type, String message) {
    add(issue("too_big", path, "maximum", maximum, "type", type, "inclusive", true, "exact", false, "message",
        message));
  }

  void discriminator(Path path, List<String> options) {
    add(issue("invalid_union_discriminator", path, "options", options, "message",
        "Invalid discriminator value. Expected " + quoted(options)));
  }

  void enumValue(Path path, List<String> options, String received) {
    add(issue("invalid_enum_value", path, "options", options, "received", received, "message",
        "Invalid enum value. Expected " + quoted(options) + ", received '" + received + "'"));
  }

  /** A rule of our own or the SDK's step rules: only a message and where. */
  static Map<String, Object> custom(Path path, String message) {
    return issue("custom", path, "message", message);
  }

  private static String quoted(List<String> options) {
    return String.join(" | ", options.stream().map(o -> "'" + o + "'").toList());
  }

  private static Map<String, Object> issue(String code, Path path, Object... members) {
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("code", code);
    for (int i = 0; i < members.length; i += 2) {
      issue.put((String) members[i], members[i + 1]);
    }
    issue.put("path", path.elements());
    return issue;
  }

  /** Where a value is: property names and array indexes from the document's root. Immutable. */
  record Path(List<Object> elements) {

    static final Path ROOT = new Path(List.of());

    Path {
      elements = List.copyOf(elements);
    }

    Path with(Object element) {
      List<Object> longer = new ArrayList<>(elements);
      longer.add(element);
      return new Path(longer);
    }
  }
}
