package io.wasmhive.platform.events;

/**
 * Handles one event of a subscription. Returning normally acknowledges the entry; throwing leaves
 * it for another delivery or dead-letters it (see {@link EventHandlingException}). Called on one of
 * the subscription's worker threads; with a concurrency above 1 it must be thread-safe. Delivery is
 * at least once: a handler must tolerate seeing an event again.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventHandler<E> {

  /** Handles the event; may block, but should finish well within the reclaim idle time. */
  void handle(E event, Delivery delivery) throws Exception;
}
