package io.wasmhive.relay.events;

import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.sse.SseDecoder;
import io.wasmhive.platform.sse.SseFrames;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns {@code wasm_exec_events} entries, as the bus's follow and history reads hand them over undecoded, into
 * {@link StreamedEvent}s. The payload is kept as it is, fields this relay does not know included, except for
 * {@code user_id}, which is never sent to clients. Thread-safe.
 */
final class EventDecoder implements SseDecoder<StreamedEvent> {

  private static final Log logger = LogFactory.getLog(EventDecoder.class);

  static final String USER_ID = "user_id";
  static final String REQUEST_ID = "request_id";

  private final JsonMapper mapper;

  EventDecoder(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** The event of an entry, or null (logged) when the entry carries no JSON object payload. */
  @Override
  public StreamedEvent decode(StreamEvent entry) {
    String id = entry.id();
    String payload = entry.payload();
    if (payload == null) {
      logger.warn("Skipping entry " + id + " of " + Streams.EXEC_EVENTS + ": it has no payload field");
      return null;
    }
    try {
      JsonNode tree = mapper.readTree(payload);
      if (!(tree instanceof ObjectNode event)) {
        logger.warn("Skipping entry " + id + " of " + Streams.EXEC_EVENTS + ": its payload is not an object");
        return null;
      }
      String userId = text(event.remove(USER_ID));
      String requestId = text(event.get(REQUEST_ID));
      return new StreamedEvent(id, userId, requestId, SseFrames.event(id, mapper.writeValueAsString(event)));
    } catch (JacksonException e) {
      logger.warn("Skipping entry " + id + " of " + Streams.EXEC_EVENTS + ": " + e.getOriginalMessage());
      return null;
    }
  }

  /** The data of an {@code events_lost} notice. */
  String eventsLost(String lastEventId, String firstAvailableId) {
    return SseFrames.eventsLost(lastEventId, firstAvailableId);
  }

  private static String text(JsonNode node) {
    return node == null || !node.isString() ? null : node.asString();
  }
}
