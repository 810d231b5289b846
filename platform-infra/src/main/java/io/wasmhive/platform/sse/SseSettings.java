package io.wasmhive.platform.sse;

import java.time.Duration;

/**
 * How one SSE endpoint serves its subscribers; each service binds them from its own properties.
 *
 * @param heartbeat how long a connection may stay silent before it gets a {@code : heartbeat} comment line
 * @param retry the reconnection delay sent once to each client as the SSE {@code retry:} field
 * @param maxConnections concurrent subscribers per instance; one more is refused
 * @param maxConnectionsPerPrincipal concurrent subscribers of one principal per instance; one more is refused, so
 *     one client cannot hold every place
 * @param queueCapacity frames queued for one subscriber before it counts as too slow and is closed
 * @param maxReplay the most entries one connection's replay reads on its request thread; a client further behind
 *     gets an {@code events_lost} notice and the newest {@code maxReplay} entries
 * @param pageSize entries per read of a replay
 */
public record SseSettings(Duration heartbeat, Duration retry, int maxConnections, int maxConnectionsPerPrincipal,
    int queueCapacity, int maxReplay, int pageSize) {

  public SseSettings {
    if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("heartbeat must be positive, was " + heartbeat);
    }
    if (retry == null || retry.isNegative() || retry.isZero()) {
      throw new IllegalArgumentException("retry must be positive, was " + retry);
    }
    if (maxConnections < 0) {
      throw new IllegalArgumentException("max-connections must not be negative, was " + maxConnections);
    }
    if (maxConnectionsPerPrincipal < 1) {
      throw new IllegalArgumentException("max-connections-per-principal must be at least 1, was "
          + maxConnectionsPerPrincipal);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queue-capacity must be at least 1, was " + queueCapacity);
    }
    if (maxReplay < 1) {
      throw new IllegalArgumentException("max-replay must be at least 1, was " + maxReplay);
    }
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
    }
  }

  /** The {@code Retry-After} of a refusal: the retry hint in whole seconds, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retry.toMillis() + 999) / 1000);
  }
}
