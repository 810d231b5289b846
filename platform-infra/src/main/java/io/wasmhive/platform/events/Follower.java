package io.wasmhive.platform.events;

/**
 * What a group-less follow of a stream ({@link EventBus#follow}) calls, always on the follow's one
 * thread, so an implementation sees one call at a time. A call that throws is logged and the entry
 * skipped: following goes on.
 */
@FunctionalInterface
public interface Follower {

  /** Handles one entry, in stream order. Should not block for long: the next entries wait. */
  void onEvent(StreamEvent event);

  /**
   * Called after every read, whether it returned entries, none (the block timeout passed) or failed
   * (then after the back-off wait): at least once per block timeout, for housekeeping.
   */
  default void afterRead() {
  }

  /**
   * Called once Redis answers again after an outage during which the stream was trimmed past the
   * last entry handed over: the entries between {@code lastId} and {@code oldestId} are lost.
   */
  default void onGap(String lastId, String oldestId) {
  }
}
