package io.wasmhive.relay.events;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.StreamIds;
import io.wasmhive.platform.events.contract.Streams;
import java.io.IOException;
import java.util.List;

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

  private final EventBus bus;
  private final EventDecoder decoder;
  private final int pageSize;

  EventReplay(EventBus bus, EventDecoder decoder, int pageSize) {
    this.bus = bus;
    this.decoder = decoder;
    this.pageSize = pageSize;
  }

  /**
   * Writes the notice (if events were lost) and every retained entry after {@code lastEventId} that the filter
   * lets through. Blocks on Redis and on the sink.
   *
   * @return the last entry scanned, and whether it was shown
   * @throws io.wasmhive.platform.events.EventBusException when Redis fails
   */
  Result replay(String lastEventId, SubscriberFilter filter, FrameSink sink) throws IOException {
    String oldest = bus.oldestId(Streams.EXEC_EVENTS).orElse(null);
    if (oldest != null && StreamIds.compare(lastEventId, oldest) < 0) {
      sink.write(SseFrames.data(decoder.eventsLost(lastEventId, oldest)));
    }
    String cursor = lastEventId;
    boolean shown = false;
    while (true) {
      List<StreamEvent> page = bus.readAfter(Streams.EXEC_EVENTS, cursor, pageSize);
      for (StreamEvent entry : page) {
        cursor = entry.id();
        StreamedEvent event = decoder.decode(entry);
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
