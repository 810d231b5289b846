package io.wasmhive.relay.events;

import io.wasmhive.platform.events.StreamIds;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.stream.MapRecord;

/**
 * The one reader of {@code wasm_exec_events} in a relay instance: a daemon thread running plain
 * {@code XREAD BLOCK} (no consumer group, so every instance sees every entry) from where the stream ended when it
 * started ({@code $}, taken as the newest id so that nothing published between two reads is missed), handing
 * each entry to the {@link SubscriberHub}. While Redis fails it backs off (doubling up to a cap) and then goes on
 * from the last id it read, so an outage loses nothing that the stream still holds; if the stream was trimmed past
 * that id meanwhile, every subscriber gets an {@code events_lost} notice. Thread-safe.
 */
final class EventStreamReader implements Runnable {

  private static final Log logger = LogFactory.getLog(EventStreamReader.class);

  private final EventStreamClient client;
  private final EventDecoder decoder;
  private final SubscriberHub hub;
  private final SseProperties.Reader settings;
  private volatile boolean running;
  private volatile String lastId;
  private volatile String failure;
  private volatile Thread thread;
  private final LongAdder entriesRead = new LongAdder();

  EventStreamReader(EventStreamClient client, EventDecoder decoder, SubscriberHub hub, SseProperties.Reader settings) {
    this.client = client;
    this.decoder = decoder;
    this.hub = hub;
    this.settings = settings;
  }

  /** Starts the reader thread. Does not wait for Redis. */
  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this, "sse-" + RelayStreams.EXEC_EVENTS + "-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the thread; waits up to a block timeout plus a grace period for the read in flight. */
  synchronized void stop() {
    running = false;
    Thread current = thread;
    if (current == null) {
      return;
    }
    try {
      current.join(settings.blockTimeout().plusSeconds(5).toMillis());
      if (current.isAlive()) {
        current.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  /** Null while reads succeed; otherwise why the last one failed. */
  String failure() {
    return failure;
  }

  /** The id of the last entry handed to the hub (or where reading started); null before the first success. */
  String lastId() {
    return lastId;
  }

  /** Entries read from the stream since start. */
  long entriesRead() {
    return entriesRead.sum();
  }

  @Override
  public void run() {
    Duration wait = settings.backoffInitial();
    while (running) {
      try {
        readOnce();
        wait = settings.backoffInitial();
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        recordFailure(e);
        sleep(wait);
        Duration doubled = wait.multipliedBy(2);
        wait = doubled.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : doubled;
      }
    }
  }

  private void readOnce() {
    if (lastId == null) {
      lastId = client.newestId();
    } else if (failure != null) {
      noticeTrimmedDuringOutage();
    }
    if (failure != null) {
      logger.info("Redis answers the " + RelayStreams.EXEC_EVENTS + " reader again; reading on after " + lastId);
      failure = null;
    }
    List<MapRecord<String, Object, Object>> records =
        client.readAfter(lastId, settings.batchSize(), settings.blockTimeout());
    for (MapRecord<String, Object, Object> record : records) {
      String id = record.getId().getValue();
      StreamedEvent event = decoder.decode(id, record.getValue());
      if (event != null) {
        hub.fanOut(event);
      }
      lastId = id;
      entriesRead.increment();
    }
  }

  private void noticeTrimmedDuringOutage() {
    String oldest = client.oldestId();
    if (oldest != null && !StreamIds.BEFORE_ALL.equals(lastId) && StreamIds.compare(lastId, oldest) < 0) {
      logger.warn(RelayStreams.EXEC_EVENTS + " was trimmed past " + lastId + " during the outage; telling "
          + hub.connections() + " subscriber(s) that events were lost");
      hub.broadcast(SseFrames.data(decoder.eventsLost(lastId, oldest)));
    }
  }

  private void recordFailure(RuntimeException e) {
    String message = describe(e);
    if (failure == null) {
      logger.warn("The " + RelayStreams.EXEC_EVENTS + " reader cannot reach Redis (" + message
          + "); retrying with back-off");
    }
    failure = message;
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return (root.getClass().getSimpleName() + ": " + root.getMessage())
        .replaceAll("(?i)(rediss?://)[^@\\s/]*@", "$1***@");
  }

  private void sleep(Duration wait) {
    try {
      TimeUnit.MILLISECONDS.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
