package io.wasmhive.relay.events;

import io.wasmhive.platform.sse.SseSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code GET /intent/execute-wasm/events}, under {@code relay.sse}. The defaults live in the
 * annotations below and nowhere else. How the stream is read (batch size, block timeout, back-off) is the event
 * bus's, {@code wasmhive.events.follow.*} and {@code wasmhive.events.backoff.*}; a replay reads pages of
 * {@code wasmhive.events.follow.batch-size} entries.
 *
 * @param enabled whether the endpoint serves events; when false it answers 404 {@code SSE_DISABLED}
 * @param heartbeat how long a connection may stay silent before it gets a {@code : heartbeat} comment line
 * @param retry the reconnection delay sent once to each client as the SSE {@code retry:} field
 * @param maxConnections concurrent subscribers per relay instance; one more is refused with 503
 * @param maxConnectionsPerPrincipal concurrent subscribers of one user per relay instance; one more is refused
 *     with 429 {@code TOO_MANY_CONNECTIONS}, so one client cannot hold every place
 * @param watchAllUsers users who see every user's executions (operators, dashboards); in secure mode the role
 *     {@code events:watch-all} (or admin) grants the same
 * @param queueCapacity frames queued for one subscriber before it counts as too slow and is closed
 * @param maxReplay the most entries one reconnection replays on its request thread; a {@code Last-Event-ID}
 *     further behind gets an {@code events_lost} notice and the newest {@code max-replay} entries
 * @param retention the length {@code wasm_exec_events} is trimmed to, unless
 *     {@code wasmhive.events.streams.[wasm_exec_events].max-length} says otherwise
 */
@ConfigurationProperties("relay.sse")
record SseProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("3s") Duration retry,
    @DefaultValue("10000") int maxConnections,
    @DefaultValue("10") int maxConnectionsPerPrincipal,
    @DefaultValue List<String> watchAllUsers,
    @DefaultValue("1000") int queueCapacity,
    @DefaultValue("100000") long retention,
    @DefaultValue("10000") int maxReplay) {

  SseProperties {
    requirePositive(heartbeat, "relay.sse.heartbeat");
    requirePositive(retry, "relay.sse.retry");
    if (maxConnections < 0) {
      throw new IllegalArgumentException("relay.sse.max-connections must not be negative, was " + maxConnections);
    }
    if (maxConnectionsPerPrincipal < 1) {
      throw new IllegalArgumentException("relay.sse.max-connections-per-principal must be at least 1, was "
          + maxConnectionsPerPrincipal);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("relay.sse.queue-capacity must be at least 1, was " + queueCapacity);
    }
    if (maxReplay < 1) {
      throw new IllegalArgumentException("relay.sse.max-replay must be at least 1, was " + maxReplay);
    }
    if (retention < 1) {
      throw new IllegalArgumentException("relay.sse.retention must be at least 1, was " + retention);
    }
    watchAllUsers = watchAllUsers == null ? List.of()
        : watchAllUsers.stream().map(String::trim).filter(user -> !user.isEmpty()).toList();
  }

  /** The settings of platform-infra's SSE channel; a replay reads pages of {@code pageSize} entries. */
  SseSettings settings(int pageSize) {
    return new SseSettings(heartbeat, retry, maxConnections, maxConnectionsPerPrincipal, queueCapacity, maxReplay, pageSize);
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
