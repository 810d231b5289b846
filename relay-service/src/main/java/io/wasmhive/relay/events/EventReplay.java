package io.wasmhive.relay.events;

import io.wasmhive.platform.events.StreamIds;
import java.io.IOException;
import java.util.List;
import org.springframework.data.redis.connection.stream.MapRecord;

/**
 * Replays what a reconnecting client missed: the retained entries after its {@code Last-Event-ID}, in pages of
 * {@code XRANGE (id + COUNT n}, filtered as its live events are. When that id is older than the oldest retained
 * entry (the stream was trimmed past it), an {@code events_lost} notice comes first. Runs on the request thread
 * with blocking writes. Thread-safe.
 */
final class EventReplay {

  /**
   * What a replay went through.
   *
   * @param lastScanned the id of the last entry read, shown or not; the client's id when none was
   * @param lastShown whether that entry was written to the client
   */
  record Result(String lastScanned, boolean lastShown) {
  }

  /** Where replayed frames go; may block. */
  @FunctionalInterface
  interface FrameSink {
    void write(byte[] frame) throws IOException;
  }

  private final EventStreamClient client;
  private final EventDecoder decoder;
  private final int pageSize;

  EventReplay(EventStreamClient client, EventDecoder decoder, int pageSize) {
    this.client = client;
    this.decoder = decoder;
    this.pageSize = pageSize;
  }

  /**
   * Writes the notice (if events were lost) and every retained entry after {@code lastEventId} that the filter
   * lets through. Blocks on Redis and on the sink.
   *
   * @return the last entry scanned, and whether it was shown
   * @throws org.springframework.dao.DataAccessException when Redis fails
   */
  Result replay(String lastEventId, SubscriberFilter filter, FrameSink sink) throws IOException {
    String oldest = client.oldestId();
    if (oldest != null && StreamIds.compare(lastEventId, oldest) < 0) {
      sink.write(SseFrames.data(decoder.eventsLost(lastEventId, oldest)));
    }
    String cursor = lastEventId;
    boolean shown = false;
    while (true) {
      List<MapRecord<String, Object, Object>> page = client.rangeAfter(cursor, pageSize);
      for (MapRecord<String, Object, Object> record : page) {
        cursor = record.getId().getValue();
        StreamedEvent event = decoder.decode(cursor, record.getValue());
        shown = event != null && filter.matches(event);
        if (shown) {
          sink.write(event.frame());
        }
      }
      if (page.size() < pageSize) {
        return new Result(cursor, shown);
      }
    }
  }
}
