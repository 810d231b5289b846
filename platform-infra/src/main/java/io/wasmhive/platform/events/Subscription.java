package io.wasmhive.platform.events;

import java.util.function.UnaryOperator;

/**
 * What to consume and how: a stream, a consumer group, the consumer's name, the event type and its
 * handler, and changes to the bus's default {@link ConsumerOptions}. Immutable; validated when
 * built. Declared as a Spring bean, it is subscribed when the application context starts and
 * stopped when it closes.
 *
 * @param stream the stream to read
 * @param group the consumer group; every group gets every event, the consumers of one group share them
 * @param consumer the consumer's name within the group, or {@code null} for the bus's own name
 * @param type the event record the stream carries
 * @param handler what to do with each event
 * @param options changes to the bus's default consumer options
 * @param <E> the event type
 */
public record Subscription<E>(String stream, String group, String consumer, Class<E> type,
    EventHandler<E> handler, UnaryOperator<ConsumerOptions> options) {

  public Subscription {
    StreamNames.require(stream, "stream");
    StreamNames.require(group, "group");
    if (consumer != null) {
      StreamNames.require(consumer, "consumer");
    }
    EventTypes.wireName(type);
    if (handler == null || options == null) {
      throw new IllegalArgumentException("handler and options must not be null");
    }
  }

  /** A subscription with the bus's consumer name and default options. */
  public static <E> Subscription<E> of(String stream, String group, Class<E> type, EventHandler<E> handler) {
    return new Subscription<>(stream, group, null, type, handler, UnaryOperator.identity());
  }

  /** A subscription with its own consumer name and the default options. */
  public static <E> Subscription<E> of(String stream, String group, String consumer, Class<E> type,
      EventHandler<E> handler) {
    return new Subscription<>(stream, group, consumer, type, handler, UnaryOperator.identity());
  }

  /** This subscription with further changes to the options, applied after the ones it has. */
  public Subscription<E> withOptions(UnaryOperator<ConsumerOptions> change) {
    UnaryOperator<ConsumerOptions> before = options;
    return new Subscription<>(stream, group, consumer, type, handler, o -> change.apply(before.apply(o)));
  }

  /** This subscription under another consumer name. */
  public Subscription<E> withConsumer(String name) {
    return new Subscription<>(stream, group, name, type, handler, options);
  }
}
