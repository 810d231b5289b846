package io.wasmhive.platform.events;

/**
 * Publishes events to streams and consumes them with consumer groups. Events are records
 * annotated with {@link EventName}; they travel as JSON, in the envelope described in
 * {@code docs/events.md}. Implementations are thread-safe.
 */
public interface EventBus extends AutoCloseable {

  /**
   * Publishes the event to the stream named after its wire name. Blocks until the server has it.
   *
   * @return the stream entry id
   * @throws InvalidEventException if the event is not a valid event record or cannot be encoded
   * @throws EventBusException (retryable) if the stream cannot be reached
   */
  String publish(Object event);

  /**
   * Publishes the event to the given stream, trimmed to that stream's configured maximum length.
   * Blocks until the server has it.
   *
   * @return the stream entry id
   * @throws InvalidEventException if the event is not a valid event record or cannot be encoded
   * @throws EventBusException (retryable) if the stream cannot be reached
   */
  String publish(String stream, Object event);

  /**
   * Starts consuming: creates the group if absent and starts the subscription's workers. Does not
   * wait for Redis; while it is unreachable the workers back off and retry.
   *
   * @throws IllegalStateException if the bus is closed
   */
  <E> SubscriptionHandle subscribe(Subscription<E> subscription);

  /** Closes every subscription this bus started (see {@link SubscriptionHandle#close()}). Blocks. */
  @Override
  void close();
}
