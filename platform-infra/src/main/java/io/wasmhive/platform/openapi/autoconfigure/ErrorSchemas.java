package io.wasmhive.platform.openapi.autoconfigure;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema of a service's error body, read from one body its {@code ErrorShape} writes: every member of
 * that body is required with the type it has there, {@code false} stays the constant it is (the relay's
 * {@code success}), a {@code null} member takes any value (the workflow API's {@code details}), and further members
 * are allowed (a code's own fields, like the relay's {@code retry_after}). Stateless.
 */
final class ErrorSchemas {

  private ErrorSchemas() {
  }

  /** The schema of bodies shaped like {@code example}. */
  static Schema<?> of(Map<String, Object> example) {
    return object(example);
  }

  private static Schema<?> object(Map<?, ?> members) {
    Schema<?> schema = new JsonSchema().types(Set.of("object"));
    List<String> required = new ArrayList<>();
    members.forEach((name, value) -> {
      schema.addProperty(String.valueOf(name), value(value));
      required.add(String.valueOf(name));
    });
    schema.setRequired(required);
    return schema;
  }

  private static Schema<?> value(Object value) {
    if (value instanceof Map<?, ?> map) {
      return object(map);
    }
    if (value instanceof String) {
      return new JsonSchema().types(Set.of("string"));
    }
    if (value instanceof Boolean bool) {
      return new JsonSchema().types(Set.of("boolean"))._const(bool);
    }
    if (value instanceof Number) {
      return new JsonSchema().types(Set.of("number"));
    }
    // null (or a list): the shape says nothing about its type.
    return new JsonSchema();
  }
}
