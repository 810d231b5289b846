package io.wasmhive.relay.events;

import io.wasmhive.platform.sse.SseFilter;

/**
 * Which events one subscriber sees: its own user's (or every user's for a watch-all user), optionally only one
 * execution's.
 *
 * @param userId the caller, from the request identity
 * @param allUsers whether the caller is in {@code relay.sse.watch-all-users} or holds {@code events:watch-all}
 * @param requestId the {@code ?request_id=} filter, or null for every execution
 */
record SubscriberFilter(String userId, boolean allUsers, String requestId) implements SseFilter<StreamedEvent> {

  /** Its user's events; every event for a watch-all user. */
  @Override
  public String route() {
    return allUsers ? null : userId;
  }

  /** Whether the event is this subscriber's to see. Does not block. */
  @Override
  public boolean matches(StreamedEvent event) {
    if (!allUsers && !userId.equals(event.userId())) {
      return false;
    }
    return requestId == null || requestId.equals(event.requestId());
  }
}
