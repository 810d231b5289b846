package io.wasmhive.relay.events;

import io.wasmhive.platform.events.FollowHandle;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.sse.SseChannel;
import io.wasmhive.platform.sse.SseHub;
import io.wasmhive.relay.health.FeatureState;
import org.springframework.context.SmartLifecycle;

/**
 * The SSE feature of one relay instance: platform-infra's {@link SseChannel} over {@code wasm_exec_events} (the
 * bus's follow without a group, from the newest entry at start, the subscribers it fans out to, their heartbeats),
 * or the reason it is off. Started and stopped with the application context; it stops before the web server's
 * graceful shutdown, closing every SSE connection so that shutdown does not wait for them. Thread-safe.
 */
public class ExecutionEventStream implements SmartLifecycle {

  private final SseProperties properties;
  private final String offDetail;
  private final SseChannel<StreamedEvent> channel;
  private volatile boolean running;

  /** A feature that serves events. */
  ExecutionEventStream(SseProperties properties, SseChannel<StreamedEvent> channel) {
    this.properties = properties;
    this.offDetail = null;
    this.channel = channel;
  }

  /** A feature switched off (by {@code relay.sse.enabled=false} or worker mode), saying why. */
  ExecutionEventStream(SseProperties properties, String offDetail) {
    this.properties = properties;
    this.offDetail = offDetail;
    this.channel = null;
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
    FollowHandle current = channel.follow();
    if (current == null || !current.isConnected()) {
      return FeatureState.degraded("cannot read " + Streams.EXEC_EVENTS + " from Redis"
          + (current == null || current.redisFailures() == 0 ? " yet" : "; retrying"));
    }
    return FeatureState.up();
  }

  /** SSE connections open on this instance now (0 when off). */
  public int connections() {
    return enabled() ? channel.connections() : 0;
  }

  boolean enabled() {
    return offDetail == null;
  }

  SseProperties properties() {
    return properties;
  }

  SseChannel<StreamedEvent> channel() {
    return channel;
  }

  SseHub<StreamedEvent> hub() {
    return channel.hub();
  }

  @Override
  public synchronized void start() {
    if (!running && enabled()) {
      channel.start();
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (enabled()) {
      channel.stop();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }
}
