package io.wasmhive.platform.sse;

import io.wasmhive.platform.events.StreamEvent;

/**
 * Turns the entries of a stream, as the bus's follow and history reads hand them over undecoded, into the events
 * an endpoint serves. Thread-safe.
 *
 * @param <E> the endpoint's events
 */
@FunctionalInterface
public interface SseDecoder<E extends SseEvent> {

  /** The event of an entry, or null (logged by the decoder) when it cannot be served. */
  E decode(StreamEvent entry);
}
