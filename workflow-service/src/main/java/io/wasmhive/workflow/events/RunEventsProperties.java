package io.wasmhive.workflow.events;

import io.wasmhive.platform.sse.SseSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the live run events, under {@code workflow.events}. The defaults live in the annotations below and
 * nowhere else. How the stream is read (batch size, block timeout, back-off) is the event bus's,
 * {@code wasmhive.events.follow.*}; a replay reads pages of {@code wasmhive.events.follow.batch-size} entries.
 *
 * @param heartbeat how long a connection may stay silent before it gets a {@code : heartbeat} comment line
 * @param retry the reconnection delay sent once to each client as the SSE {@code retry:} field
 * @param maxConnections concurrent SSE subscribers per instance (both endpoints together); one more is refused
 *     with 503 {@code TOO_MANY_SUBSCRIBERS}
 * @param maxConnectionsPerPrincipal concurrent SSE subscribers of one caller per instance; one more is refused
 *     with 429 {@code TOO_MANY_CONNECTIONS}
 * @param queueCapacity frames queued for one subscriber before it counts as too slow and is closed
 * @param maxReplay the most entries one connection's replay reads on its request thread; a {@code Last-Event-ID}
 *     further behind gets an {@code events_lost} notice and the newest {@code max-replay} entries
 * @param retention the length {@code workflow_run_events} is trimmed to, unless
 *     {@code wasmhive.events.streams.[workflow_run_events].max-length} says otherwise
 * @param maxResultBytes the largest step result (its JSON) an event carries; a larger one is left out and the event
 *     says {@code truncated} ({@code GET /runs/{id}} has it whole)
 * @param maxErrorChars the longest error an event carries; a longer one is cut and the event says {@code truncated}
 */
@ConfigurationProperties("workflow.events")
public record RunEventsProperties(
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("3s") Duration retry,
    @DefaultValue("1000") int maxConnections,
    @DefaultValue("10") int maxConnectionsPerPrincipal,
    @DefaultValue("1000") int queueCapacity,
    @DefaultValue("10000") int maxReplay,
    @DefaultValue("100000") long retention,
    @DefaultValue("16384") int maxResultBytes,
    @DefaultValue("4096") int maxErrorChars) {

  public RunEventsProperties {
    requireAtLeast(maxConnections, 0, "max-connections");
    requireAtLeast(maxConnectionsPerPrincipal, 1, "max-connections-per-principal");
    requireAtLeast(queueCapacity, 1, "queue-capacity");
    requireAtLeast(maxReplay, 1, "max-replay");
    requireAtLeast(maxResultBytes, 0, "max-result-bytes");
    requireAtLeast(maxErrorChars, 1, "max-error-chars");
    if (retention < 1) {
      throw new IllegalArgumentException("workflow.events.retention must be at least 1, was " + retention);
    }
    if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
      throw new IllegalArgumentException("workflow.events.heartbeat must be positive, was " + heartbeat);
    }
    if (retry == null || retry.isNegative() || retry.isZero()) {
      throw new IllegalArgumentException("workflow.events.retry must be positive, was " + retry);
    }
  }

  /** The settings of platform-infra's SSE channel; a replay reads pages of {@code pageSize} entries. */
  SseSettings settings(int pageSize) {
    return new SseSettings(heartbeat, retry, maxConnections, maxConnectionsPerPrincipal, queueCapacity, maxReplay, pageSize);
  }

  private static void requireAtLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException("workflow.events." + name + " must be at least " + min + ", was " + value);
    }
  }
}
