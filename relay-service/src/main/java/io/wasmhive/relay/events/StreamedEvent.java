package io.wasmhive.relay.events;

import io.wasmhive.platform.sse.SseEvent;
import java.util.List;

/**
 * One entry of {@code wasm_exec_events}, decoded once and shared by every subscriber it goes to.
 *
 * @param id the stream entry id
 * @param userId whose execution it is (null when the entry names nobody: then only watch-all users see it)
 * @param requestId the execution's request id, or null
 * @param frame the SSE frame: {@code id:} and {@code data:} with the event JSON minus {@code user_id}
 */
record StreamedEvent(String id, String userId, String requestId, byte[] frame) implements SseEvent {

  /** Its user's subscribers see it (and the watch-all users, who subscribe to every event). */
  @Override
  public List<String> routes() {
    return userId == null ? List.of() : List.of(userId);
  }
}
