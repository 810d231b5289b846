package io.wasmhive.platform.events.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.FollowOptions;
import io.wasmhive.platform.events.Follower;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.StreamIds;

/**
 * A group-less follow of one stream on one daemon thread: plain {@code XREAD BLOCK} from where it
 * started, handing each entry to the {@link Follower}. Where {@link StartPosition#LATEST} is, is read
 * as an explicit id when following starts (not {@code $}), so nothing added between the start and the
 * first read is missed. While Redis fails the thread backs off and then goes on from the last id it
 * handed over; if the stream was trimmed past that id meanwhile, the follower hears of the gap.
 * Thread-safe.
 */
final class RedisFollow implements FollowHandle {

  private static final Log logger = LogFactory.getLog(RedisFollow.class);

  private static final Duration GRACE = Duration.ofSeconds(5);

  private final String stream;
  private final StartPosition from;
  private final Follower follower;
  private final FollowOptions options;
  private final StreamClient client;
  private final Backoff backoff;
  private final Outage outage;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final LongAdder entriesRead = new LongAdder();
  private volatile boolean running;
  private volatile boolean connected;
  private volatile String lastId;
  private boolean recovering;
  private Thread thread;

  RedisFollow(String stream, StartPosition from, Follower follower, FollowOptions options, StreamClient client,
      Backoff backoff) {
    this.stream = stream;
    this.from = from;
    this.follower = follower;
    this.options = options;
    this.client = client;
    this.backoff = backoff;
    this.outage = new Outage("the follow of stream " + stream);
  }

  /** Reads where to start (one round trip; an outage only defers it) and starts the thread. */
  synchronized void start() {
    running = true;
    try {
      lastId = startId();
      succeeded();
    } catch (RuntimeException e) {
      failed(e);
    }
    thread = new Thread(this::run, "events-follow-" + stream);
    thread.setDaemon(true);
    thread.start();
    logger.info("Following " + stream + " from " + (lastId == null ? from : lastId) + " without a group");
  }

  private void run() {
    while (running) {
      try {
        readOnce();
        succeeded();
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        failed(e);
        awaitClose(backoff.next());
      }
      afterRead();
    }
  }

  private void readOnce() {
    if (lastId == null) {
      lastId = startId();  // Redis was down at the start: entries added meanwhile are not followed.
    } else if (recovering) {
      noticeGap();
    }
    recovering = false;
    List<StreamEntry> entries = client.readAfter(stream, lastId, options.batchSize(), options.blockTimeout());
    for (StreamEntry entry : entries) {
      lastId = entry.id();
      entriesRead.increment();
      try {
        follower.onEvent(EventCodec.streamEvent(stream, entry));
      } catch (RuntimeException e) {
        logger.warn("Skipped entry " + entry.id() + " of " + stream + ": " + Outage.describe(e));
      }
    }
  }

  private String startId() {
    return from == StartPosition.LATEST ? client.newestId(stream) : StreamIds.BEFORE_ALL;
  }

  private void noticeGap() {
    String oldest = client.oldestId(stream);
    if (oldest != null && !StreamIds.BEFORE_ALL.equals(lastId) && StreamIds.compare(lastId, oldest) < 0) {
      logger.warn(stream + " was trimmed past " + lastId + " while Redis was unreachable; entries were lost");
      try {
        follower.onGap(lastId, oldest);
      } catch (RuntimeException e) {
        logger.warn("The follower of " + stream + " failed on a gap: " + Outage.describe(e));
      }
    }
  }

  private void afterRead() {
    try {
      follower.afterRead();
    } catch (RuntimeException e) {
      logger.warn("The follower of " + stream + " failed after a read: " + Outage.describe(e));
    }
  }

  private void succeeded() {
    connected = true;
    outage.succeeded();
    backoff.reset();
  }

  private void failed(RuntimeException e) {
    connected = false;
    recovering = true;
    outage.failed(e);
  }

  private void awaitClose(Duration wait) {
    try {
      closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public String stream() {
    return stream;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isConnected() {
    return connected;
  }

  @Override
  public long redisFailures() {
    return outage.failures();
  }

  @Override
  public String lastId() {
    return lastId;
  }

  @Override
  public long entriesRead() {
    return entriesRead.sum();
  }

  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    closed.countDown();
    try {
      thread.join(options.blockTimeout().plus(GRACE).toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    logger.info("Stopped following " + stream);
  }
}
