package io.wasmhive.relay.events;

import io.wasmhive.relay.health.FeatureState;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * The SSE feature of one relay instance: the stream reader, the subscribers it fans out to, and their heartbeats.
 * Started and stopped with the application context; it stops before the web server's graceful shutdown, closing
 * every SSE connection so that shutdown does not wait for them. Thread-safe.
 */
public class ExecutionEventStream implements SmartLifecycle {

  private final SseProperties properties;
  private final String offDetail;
  private final SubscriberHub hub;
  private final EventStreamReader reader;
  private final EventReplay replay;
  private ScheduledExecutorService heartbeats;
  private volatile boolean running;

  /** A feature that serves events. */
  ExecutionEventStream(SseProperties properties, SubscriberHub hub, EventStreamReader reader, EventReplay replay) {
    this.properties = properties;
    this.offDetail = null;
    this.hub = hub;
    this.reader = reader;
    this.replay = replay;
  }

  /** A feature switched off (by {@code relay.sse.enabled=false} or worker mode), saying why. */
  ExecutionEventStream(SseProperties properties, String offDetail) {
    this.properties = properties;
    this.offDetail = offDetail;
    this.hub = null;
    this.reader = null;
    this.replay = null;
  }

  /**
   * For the health endpoint: off when disabled, degraded while the reader cannot reach Redis (it keeps retrying
   * and resumes from its last id), up otherwise. Does not block.
   */
  public FeatureState state() {
    if (!enabled()) {
      return new FeatureState(false, false, offDetail);
    }
    // The reader's failure names the Redis client's exception: it is in the log, and health says what it means.
    String failure = reader.failure();
    if (failure != null || reader.lastId() == null) {
      return FeatureState.degraded("cannot read " + RelayStreams.EXEC_EVENTS + " from Redis"
          + (failure == null ? " yet" : "; retrying"));
    }
    return FeatureState.up();
  }

  /** SSE connections open on this instance now (0 when off). */
  public int connections() {
    return enabled() ? hub.connections() : 0;
  }

  boolean enabled() {
    return offDetail == null;
  }

  SseProperties properties() {
    return properties;
  }

  SubscriberHub hub() {
    return hub;
  }

  EventReplay replay() {
    return replay;
  }

  @Override
  public synchronized void start() {
    if (running || !enabled()) {
      running = true;
      return;
    }
    reader.start();
    heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "sse-heartbeats");
      thread.setDaemon(true);
      return thread;
    });
    long period = properties.heartbeat().toNanos();
    // A connection that had anything queued within half a period is not idle; so an idle one hears from us
    // every period, and a busy one never waits more than one and a half.
    heartbeats.scheduleAtFixedRate(() -> hub.heartbeat(period / 2), period, period, TimeUnit.NANOSECONDS);
    running = true;
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (!enabled()) {
      return;
    }
    if (heartbeats != null) {
      heartbeats.shutdownNow();
      heartbeats = null;
    }
    reader.stop();
    hub.closeAll();
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}
