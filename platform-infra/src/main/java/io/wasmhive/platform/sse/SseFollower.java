package io.wasmhive.platform.sse;

import io.wasmhive.platform.events.Follower;
import io.wasmhive.platform.events.StreamEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * What an instance's follow of an SSE endpoint's stream does with each entry: decode it once and offer it to the
 * subscribers it is for; and, when the stream was trimmed past the last entry while Redis was away, tell every
 * subscriber that events were lost. Called on the follow's one thread.
 */
final class SseFollower<E extends SseEvent> implements Follower {

  private static final Log logger = LogFactory.getLog(SseFollower.class);

  private final SseDecoder<E> decoder;
  private final SseHub<E> hub;

  SseFollower(SseDecoder<E> decoder, SseHub<E> hub) {
    this.decoder = decoder;
    this.hub = hub;
  }

  @Override
  public void onEvent(StreamEvent entry) {
    E event = decoder.decode(entry);
    if (event != null) {
      hub.fanOut(event);
    }
  }

  @Override
  public void onGap(String lastId, String oldestId) {
    logger.warn("Telling " + hub.connections() + " SSE subscriber(s) that events after " + lastId + " were lost");
    hub.broadcast(SseFrames.data(SseFrames.eventsLost(lastId, oldestId)));
  }
}
