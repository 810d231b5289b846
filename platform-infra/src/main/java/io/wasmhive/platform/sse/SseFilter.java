package io.wasmhive.platform.sse;

/**
 * What one subscriber sees.
 *
 * @param <E> the endpoint's events
 */
public interface SseFilter<E extends SseEvent> {

  /** The route it subscribes to (see {@link SseEvent#routes()}), or null for every event. */
  String route();

  /** Whether the event (offered because of its route) is this subscriber's to see. Does not block. */
  boolean matches(E event);

  /** Whether the stream ends after this event (which {@link #matches} lets through); by default none does. */
  default boolean endsWith(E event) {
    return false;
  }
}
