package io.wasmhive.relay.events;

/**
 * Which events one subscriber sees: its own user's (or every user's for a watch-all user), optionally only one
 * execution's.
 *
 * @param userId the caller, from the request identity
 * @param allUsers whether the caller is in {@code relay.sse.watch-all-users}
 * @param requestId the {@code ?request_id=} filter, or null for every execution
 */
record SubscriberFilter(String userId, boolean allUsers, String requestId) {

  /** Whether the event is this subscriber's to see. Does not block. */
  boolean matches(StreamedEvent event) {
    if (!allUsers && !userId.equals(event.userId())) {
      return false;
    }
    return requestId == null || requestId.equals(event.requestId());
  }
}
