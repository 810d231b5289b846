package io.wasmhive.platform.events.redis;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.InvalidEventException;

/**
 * Turns event records into stream entry fields and back: {@code type} (the wire name),
 * {@code occurred_at} (ISO-8601) and {@code payload} (the record as a flat JSON object with
 * snake_case names, whatever naming the application's mapper uses). Thread-safe.
 */
final class EventCodec {

  static final String TYPE = "type";
  static final String OCCURRED_AT = "occurred_at";
  static final String PAYLOAD = "payload";

  private final JsonMapper mapper;

  private final Clock clock;

  EventCodec(JsonMapper applicationMapper, Clock clock) {
    this.mapper = applicationMapper.rebuild()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    this.clock = clock;
  }

  /** The fields of a stream entry carrying the event. */
  Map<String, String> encode(Object event) {
    if (event == null) {
      throw new InvalidEventException("The event must not be null");
    }
    String type = EventTypes.wireName(event.getClass());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(TYPE, type);
    fields.put(OCCURRED_AT, clock.instant().toString());
    try {
      fields.put(PAYLOAD, mapper.writeValueAsString(event));
    } catch (JacksonException e) {
      throw new InvalidEventException("Cannot encode " + type + " as JSON: " + e.getOriginalMessage(), e);
    }
    return fields;
  }

  /** The event an entry carries, which must be of the expected type. */
  <E> E decode(Map<String, String> fields, Class<E> type) {
    String expected = EventTypes.wireName(type);
    String actual = fields.get(TYPE);
    if (!expected.equals(actual)) {
      throw new InvalidEventException("Expected an entry of type " + expected + ", got "
          + (actual == null ? "no type field" : "type " + actual));
    }
    String payload = fields.get(PAYLOAD);
    if (payload == null) {
      throw new InvalidEventException("The " + expected + " entry has no payload field");
    }
    try {
      return mapper.readValue(payload, type);
    } catch (JacksonException e) {
      throw new InvalidEventException("Cannot decode the " + expected + " payload: " + e.getOriginalMessage(), e);
    }
  }

  /** When the entry says it was published, or null if it does not say so readably. */
  static Instant occurredAt(Map<String, String> fields) {
    String value = fields.get(OCCURRED_AT);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
