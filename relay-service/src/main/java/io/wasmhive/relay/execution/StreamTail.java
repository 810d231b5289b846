package io.wasmhive.relay.execution;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Follows one stream with plain {@code XREAD} (no consumer group: every relay instance sees every entry), from
 * the stream's last entry at {@link #start()} on, on one daemon thread. The start position is read as an explicit
 * id rather than {@code $}, so nothing added between {@code start()} returning and the first read is missed.
 * While Redis fails the thread backs off (100 ms doubling to 5 s) and then goes on from the last id it saw.
 * After every read, entries or not, it runs the tick (at least once per block timeout).
 */
final class StreamTail implements AutoCloseable {

  private static final Log logger = LogFactory.getLog(StreamTail.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final StringRedisTemplate redis;
  private final String stream;
  private final Duration block;
  private final Consumer<Map<String, String>> entries;
  private final Runnable tick;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean running;
  private volatile boolean connected = true;
  private Thread thread;
  private String lastId;

  StreamTail(StringRedisTemplate redis, String stream, Duration block, Consumer<Map<String, String>> entries,
      Runnable tick) {
    this.redis = redis;
    this.stream = stream;
    this.block = block;
    this.entries = entries;
    this.tick = tick;
  }

  /** Reads the stream's last id (blocks one round trip, tolerating a Redis outage) and starts the thread. */
  synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    lastId = lastIdOrNull();
    thread = new Thread(this::run, "relay-tail-" + stream);
    thread.setDaemon(true);
    thread.start();
  }

  private String lastIdOrNull() {
    try {
      return lastIdOrThrow();
    } catch (RuntimeException e) {
      failed(e);
      return null;  // Read once Redis answers: entries added during the outage are then missed, by design.
    }
  }

  private void run() {
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        if (lastId == null) {
          lastId = lastIdOrThrow();
        }
        readOnce();
        connected = true;
        backoff = Duration.ofMillis(100);
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        failed(e);
        await(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
      runTick();
    }
  }

  private String lastIdOrThrow() {
    List<MapRecord<String, Object, Object>> last = redis.opsForStream().reverseRange(stream, Range.unbounded(),
        Limit.limit().count(1));
    return last == null || last.isEmpty() ? "0-0" : last.get(0).getId().getValue();
  }

  private void readOnce() {
    List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
        StreamReadOptions.empty().count(100).block(block), StreamOffset.create(stream, ReadOffset.from(lastId)));
    if (records == null) {
      return;
    }
    for (MapRecord<String, Object, Object> record : records) {
      lastId = record.getId().getValue();
      Map<String, String> fields = new LinkedHashMap<>();
      record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
      try {
        entries.accept(fields);
      } catch (RuntimeException e) {
        logger.warn("Skipped entry " + lastId + " of " + stream + ": " + e.getMessage());
      }
    }
  }

  private void runTick() {
    try {
      tick.run();
    } catch (RuntimeException e) {
      logger.warn("Tick of the " + stream + " reader failed: " + e.getMessage());
    }
  }

  private void failed(RuntimeException e) {
    failures.incrementAndGet();
    if (connected) {
      logger.warn("Cannot read " + stream + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
          + "); retrying with back-off");
    }
    connected = false;
  }

  private void await(Duration duration) {
    try {
      stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /** False while the last read failed. */
  boolean connected() {
    return connected;
  }

  /** Stops the thread; blocks until it ends, at most the block timeout plus 2 seconds. Idempotent. */
  @Override
  public synchronized void close() {
    running = false;
    stopped.countDown();
    if (thread != null) {
      try {
        thread.join(block.toMillis() + 2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
