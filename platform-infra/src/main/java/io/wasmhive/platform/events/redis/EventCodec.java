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

import io.wasmhive.platform.events.EncodedEvent;
import io.wasmhive.platform.events.EventTypes;
import io.wasmhive.platform.events.InvalidEventException;
import io.wasmhive.platform.events.StreamEvent;

/**
 * The one envelope codec: turns event records into stream entry fields and back —
 * {@code type} (the wire name), {@code occurred_at} (ISO-8601) and {@code payload} (the record as a
 * flat JSON object with snake_case names, whatever naming the application's mapper uses).
 * Thread-safe.
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

  /** The event's wire name and payload; an {@link EncodedEvent} is returned as it is. */
  EncodedEvent encode(Object event) {
    if (event == null) {
      throw new InvalidEventException("The event must not be null");
    }
    if (event instanceof EncodedEvent encoded) {
      return encoded;
    }
    String type = EventTypes.wireName(event.getClass());
    try {
      return new EncodedEvent(type, mapper.writeValueAsString(event));
    } catch (JacksonException e) {
      throw new InvalidEventException("Cannot encode " + type + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The fields of a stream entry carrying the event, published now. */
  Map<String, String> fields(Object event) {
    EncodedEvent encoded = encode(event);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(TYPE, encoded.type());
    fields.put(OCCURRED_AT, clock.instant().toString());
    fields.put(PAYLOAD, encoded.payload());
    return fields;
  }

  /** The event an entry carries, which must be of the expected type. */
  <E> E decode(Map<String, String> fields, Class<E> type) {
    return decode(fields.get(TYPE), fields.get(PAYLOAD), type);
  }

  /** The event a followed or read entry carries, which must be of the expected type. */
  <E> E decode(StreamEvent event, Class<E> type) {
    return decode(event.type(), event.payload(), type);
  }

  /** The entry as the public, undecoded {@link StreamEvent}. */
  static StreamEvent streamEvent(String stream, StreamEntry entry) {
    Map<String, String> fields = entry.fields();
    return new StreamEvent(stream, entry.id(), fields.get(TYPE), occurredAt(fields), fields.get(PAYLOAD));
  }

  private <E> E decode(String actual, String payload, Class<E> type) {
    String expected = EventTypes.wireName(type);
    if (!expected.equals(actual)) {
      throw new InvalidEventException("Expected an entry of type " + expected + ", got "
          + (actual == null ? "no type field" : "type " + actual));
    }
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
