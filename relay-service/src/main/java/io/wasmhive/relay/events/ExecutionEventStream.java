package io.wasmhive.relay.events;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.StartPosition;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.relay.health.FeatureState;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * The SSE feature of one relay instance: the follow of {@code wasm_exec_events} (the bus's, without a group, from
 * the newest entry at start), the subscribers it fans out to, and their heartbeats.
 * Started and stopped with the application context; it stops before the web server's graceful shutdown, closing
 * every SSE connection so that shutdown does not wait for them. Thread-safe.
 */
public class ExecutionEventStream implements SmartLifecycle {

  private final SseProperties properties;
  private final String offDetail;
  private final SubscriberHub hub;
  private final EventBus bus;
  private final SseFollower follower;
  private final EventReplay replay;
  private ScheduledExecutorService heartbeats;
  private volatile FollowHandle follow;
  private volatile boolean running;

  /** A feature that serves events. */
  ExecutionEventStream(SseProperties properties, SubscriberHub hub, EventBus bus, SseFollower follower,
      EventReplay replay) {
    this.properties = properties;
    this.offDetail = null;
    this.hub = hub;
    this.bus = bus;
    this.follower = follower;
    this.replay = replay;
  }

  /** A feature switched off (by {@code relay.sse.enabled=false} or worker mode), saying why. */
  ExecutionEventStream(SseProperties properties, String offDetail) {
    this.properties = properties;
    this.offDetail = offDetail;
    this.hub = null;
    this.bus = null;
    this.follower = null;
    this.replay = null;
  }

  /**
   * For the health endpoint: off when disabled, degraded while the follow cannot reach Redis (it keeps retrying
   * and resumes from its last id), up otherwise. Does not block.
   */
  public FeatureState state() {
    if (!enabled()) {
      return new FeatureState(false, false, offDetail);
    }
    // The Redis client's exception is in the log; health says what it means.
    FollowHandle current = follow;
    if (current == null || !current.isConnected()) {
      return FeatureState.degraded("cannot read " + Streams.EXEC_EVENTS + " from Redis"
          + (current == null || current.redisFailures() == 0 ? " yet" : "; retrying"));
    }
    return FeatureState.up();
  }

  /** Entries this instance's follow has read since start (0 when off or not started). */
  long entriesRead() {
    FollowHandle current = follow;
    return current == null ? 0 : current.entriesRead();
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
    follow = bus.follow(Streams.EXEC_EVENTS, StartPosition.LATEST, follower);
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
    if (follow != null) {
      follow.close();
    }
    hub.closeAll();
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}
