package io.wasmhive.relay.events;

import io.wasmhive.platform.events.Follower;
import io.wasmhive.platform.events.StreamEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What this instance's follow of {@code wasm_exec_events} does with each entry: decode it once and offer it to the
 * subscribers it is for; and, when the stream was trimmed past the last entry while Redis was away, tell every
 * subscriber that events were lost. Called on the follow's one thread.
 */
final class SseFollower implements Follower {

  private static final Log logger = LogFactory.getLog(SseFollower.class);

  private final EventDecoder decoder;
  private final SubscriberHub hub;

  SseFollower(EventDecoder decoder, SubscriberHub hub) {
    this.decoder = decoder;
    this.hub = hub;
  }

  @Override
  public void onEvent(StreamEvent entry) {
    StreamedEvent event = decoder.decode(entry);
    if (event != null) {
      hub.fanOut(event);
    }
  }

  @Override
  public void onGap(String lastId, String oldestId) {
    logger.warn("Telling " + hub.connections() + " SSE subscriber(s) that events after " + lastId + " were lost");
    hub.broadcast(SseFrames.data(decoder.eventsLost(lastId, oldestId)));
  }
}
