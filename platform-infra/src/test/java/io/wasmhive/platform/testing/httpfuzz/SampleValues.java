package io.wasmhive.platform.testing.httpfuzz;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value of the right type for each field of a request body's record, so that mutating one field at a time
 * leaves the others plausible. Field names are the record components' (or their {@code @JsonProperty}). Stateless.
 */
final class SampleValues {

  private static final int MAX_DEPTH = 3;

  private SampleValues() {
  }

  /** The fields of {@code type} with a sample value each; empty when it is not a record. */
  static Map<String, Object> fields(Class<?> type) {
    return fields(type, 0);
  }

  private static Map<String, Object> fields(Class<?> type, int depth) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (!type.isRecord() || depth > MAX_DEPTH) {
      return fields;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      fields.put(name(component), value(component.getGenericType(), depth));
    }
    return fields;
  }

  private static String name(RecordComponent component) {
    JsonProperty property = component.getAnnotation(JsonProperty.class);
    if (property == null) {
      property = component.getAccessor().getAnnotation(JsonProperty.class);
    }
    return property != null && !property.value().isEmpty() ? property.value() : component.getName();
  }

  private static Object value(Type type, int depth) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
        : type instanceof Class<?> c ? c : Object.class;
    if (raw == String.class || raw.isEnum()) {
      return raw.isEnum() && raw.getEnumConstants().length > 0 ? raw.getEnumConstants()[0].toString() : "fuzz";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
      return 1;
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      return element == Object.class ? List.of() : List.of(value(element, depth + 1));
    }
    if (raw.isRecord()) {
      return fields(raw, depth + 1);
    }
    return Map.of();
  }
}
