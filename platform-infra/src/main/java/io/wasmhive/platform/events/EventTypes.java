package io.wasmhive.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Checks event types and reads their wire names. Thread-safe; results are cached per class. */
public final class EventTypes {

  private static final Pattern WIRE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,99}");

  private static final Map<Class<?>, String> NAMES = new ConcurrentHashMap<>();

  private EventTypes() {
  }

  /**
   * The wire name of an event type. Does not block.
   *
   * @throws InvalidEventException if the type is not a record annotated with a valid {@link EventName}
   */
  public static String wireName(Class<?> type) {
    if (type == null) {
      throw new InvalidEventException("The event type must not be null");
    }
    return NAMES.computeIfAbsent(type, EventTypes::readWireName);
  }

  private static String readWireName(Class<?> type) {
    if (!type.isRecord()) {
      throw new InvalidEventException(type.getName() + " is not a record; events are past-tense records");
    }
    EventName name = type.getAnnotation(EventName.class);
    if (name == null) {
      throw new InvalidEventException(type.getName() + " has no @EventName giving its wire name");
    }
    if (!WIRE_NAME.matcher(name.value()).matches()) {
      throw new InvalidEventException("@EventName(\"" + name.value() + "\") on " + type.getName()
          + " must match " + WIRE_NAME.pattern());
    }
    return name.value();
  }
}
