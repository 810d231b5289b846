package io.wasmhive.workflow.verify;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The first place two JSON values differ, in document order: a path from {@code root} ({@code .name} for members,
 * {@code [i]} for elements) and the two values there. Numbers compare by value ({@code 1} and {@code 1.0} are
 * equal); member order does not matter. Recursion is bounded by the values' depth, which their parsers bound.
 */
public final class JsonDifference {

  private JsonDifference() {
  }

  /** Where they differ: the path and the two values ({@code null} for a missing member), or {@code null}. */
  public record At(String path, JsonNode expected, JsonNode got) {
  }

  /** The first difference between {@code expected} and {@code got} under {@code root}, or {@code null}. */
  public static At first(String root, JsonNode expected, JsonNode got) {
    if (expected == null || got == null) {
      return expected == got ? null : new At(root, expected, got);
    }
    if (expected.isObject() && got.isObject()) {
      return objects(root, expected, got);
    }
    if (expected.isArray() && got.isArray()) {
      return arrays(root, expected, got);
    }
    if (expected.isNumber() && got.isNumber()) {
      return expected.decimalValue().compareTo(got.decimalValue()) == 0 ? null : new At(root, expected, got);
    }
    return expected.equals(got) ? null : new At(root, expected, got);
  }

  private static At objects(String root, JsonNode expected, JsonNode got) {
    for (Map.Entry<String, JsonNode> member : expected.properties()) {
      At at = first(root + "." + member.getKey(), member.getValue(), got.get(member.getKey()));
      if (at != null) {
        return at;
      }
    }
    Iterator<String> names = got.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      if (!expected.has(name)) {
        return new At(root + "." + name, null, got.get(name));
      }
    }
    return null;
  }

  private static At arrays(String root, JsonNode expected, JsonNode got) {
    for (int i = 0; i < Math.max(expected.size(), got.size()); i++) {
      At at = first(root + "[" + i + "]", expected.get(i), got.get(i));
      if (at != null) {
        return at;
      }
    }
    return null;
  }
}
