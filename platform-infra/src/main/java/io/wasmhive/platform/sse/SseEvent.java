package io.wasmhive.platform.sse;

import java.util.List;

/**
 * One stream entry as an SSE endpoint serves it: decoded once, its frame made once, and shared by every subscriber
 * it goes to.
 */
public interface SseEvent {

  /** The stream entry id, which is the frame's {@code id:}. */
  String id();

  /**
   * The routes of the subscribers that may see it (a user, a run, a workflow): a subscriber is offered the events
   * of its own route and no others, so an event costs a look-up, not a scan of every connection. Subscribers
   * without a route are offered every event.
   */
  List<String> routes();

  /** The SSE frame: {@code id:} and {@code data:}. */
  byte[] frame();
}
