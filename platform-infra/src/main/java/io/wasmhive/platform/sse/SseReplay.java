package io.wasmhive.platform.sse;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.StreamEvent;
import io.wasmhive.platform.events.StreamIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays what a reconnecting client missed: the retained entries after its {@code Last-Event-ID}, read in pages of
 * {@code XRANGE (id + COUNT n}, filtered as its live events are. Bounded: it never reads more than
 * {@link SseSettings#maxReplay()} entries for one connection. A client further behind (a {@code Last-Event-ID} of
 * {@code 0}, or one from long ago) gets an {@code events_lost} notice and then the newest {@code maxReplay} entries
 * ({@code XREVRANGE + - COUNT maxReplay}); so does an id older than the oldest retained entry (the stream was
 * trimmed past it). Runs on the request thread with blocking writes. Thread-safe.
 *
 * @param <E> the endpoint's events
 */
final class SseReplay<E extends SseEvent> {

  /**
   * What a replay went through.
   *
   * @param lastScanned the id of the last entry read, shown or not; the client's id when none was
   * @param lastShown whether that entry was written to the client
   * @param ended whether it wrote an event the filter ends the stream with
   */
  record Result(String lastScanned, boolean lastShown, boolean ended) {
  }

  /** Where replayed frames go; may block. */
  @FunctionalInterface
  interface FrameSink {
    void write(byte[] frame) throws IOException;
  }

  private final EventBus bus;
  private final String stream;
  private final SseDecoder<E> decoder;
  private final int pageSize;
  private final int maxReplay;

  SseReplay(EventBus bus, String stream, SseDecoder<E> decoder, int pageSize, int maxReplay) {
    this.bus = bus;
    this.stream = stream;
    this.decoder = decoder;
    this.pageSize = pageSize;
    this.maxReplay = maxReplay;
  }

  /**
   * Writes the notice (if events were lost) and every retained entry after {@code afterId} that the filter lets
   * through, up to one that ends the stream. Blocks on Redis and on the sink.
   *
   * @param reportTrimmed whether an {@code afterId} older than the oldest retained entry is reported as a loss (a
   *     client's own id is; a history's starting point is not)
   * @return the last entry scanned, whether it was shown, whether the stream ended
   * @throws io.wasmhive.platform.events.EventBusException when Redis fails
   */
  Result replay(String afterId, boolean reportTrimmed, SseFilter<E> filter, FrameSink sink) throws IOException {
    String oldest = reportTrimmed ? bus.oldestId(stream).orElse(null) : null;
    List<StreamEvent> missed = new ArrayList<>();
    String cursor = afterId;
    boolean tooFarBehind = false;
    while (true) {
      int wanted = Math.min(pageSize, maxReplay + 1 - missed.size());
      List<StreamEvent> page = bus.readAfter(stream, cursor, wanted);
      missed.addAll(page);
      if (missed.size() > maxReplay) {
        tooFarBehind = true;
        break;
      }
      if (page.size() < wanted) {
        break;
      }
      cursor = page.get(page.size() - 1).id();
    }
    String firstAvailable = null;
    if (tooFarBehind) {
      // Every one of the newest maxReplay entries is after afterId, and at least one more lies between.
      missed = bus.readLatest(stream, maxReplay);
      firstAvailable = missed.isEmpty() ? null : missed.get(0).id();
    } else if (oldest != null && StreamIds.compare(afterId, oldest) < 0) {
      firstAvailable = oldest;
    }
    if (firstAvailable != null) {
      sink.write(SseFrames.data(SseFrames.eventsLost(afterId, firstAvailable)));
    }
    String last = afterId;
    boolean shown = false;
    for (StreamEvent entry : missed) {
      last = entry.id();
      E event = decoder.decode(entry);
      shown = event != null && routed(filter, event) && filter.matches(event);
      if (shown) {
        sink.write(event.frame());
        if (filter.endsWith(event)) {
          return new Result(last, true, true);
        }
      }
    }
    return new Result(last, shown, false);
  }

  /** Whether the follow would have offered the event to the subscriber: the same routing for replayed entries. */
  private static <E extends SseEvent> boolean routed(SseFilter<E> filter, E event) {
    return filter.route() == null || event.routes().contains(filter.route());
  }
}
