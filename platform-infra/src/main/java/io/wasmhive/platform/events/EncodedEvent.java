package io.wasmhive.platform.events;

/**
 * An event in the form the bus writes it into a stream entry: its wire name (the entry's
 * {@code type}) and its payload (the flat snake_case JSON object of {@code docs/events.md}). Made by
 * {@link EventBus#encode(Object)}; publishing one writes it as it is, so a stored payload can be
 * published again byte for byte.
 *
 * @param type the wire name
 * @param payload the JSON payload
 */
public record EncodedEvent(String type, String payload) {

  public EncodedEvent {
    if (type == null || payload == null) {
      throw new InvalidEventException("An encoded event needs a type and a payload");
    }
  }
}
