package io.wasmhive.platform.sse;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of one SSE endpoint, under the service's prefix: {@code <prefix>.connections} (open now),
 * {@code <prefix>.entries.read} (entries the follow took from the stream) and {@code <prefix>.subscribers.too_slow}
 * (connections closed because their queue overflowed). Read when scraped; nothing is counted twice. No tags.
 */
public final class SseMetrics {

  private SseMetrics() {
  }

  /** Registers the endpoint's meters; {@code endpoint} names it in their descriptions. */
  public static void bind(MeterRegistry registry, String prefix, String endpoint, SseChannel<?> channel) {
    Gauge.builder(prefix + ".connections", channel, SseChannel::connections)
        .description("Open SSE connections of " + endpoint)
        .register(registry);
    FunctionCounter.builder(prefix + ".entries.read", channel, SseChannel::entriesRead)
        .description("Entries read from " + channel.stream() + " by this instance's follow")
        .register(registry);
    FunctionCounter.builder(prefix + ".subscribers.too_slow", channel, SseChannel::closedTooSlow)
        .description("SSE connections of " + endpoint + " closed because they did not keep up")
        .register(registry);
  }
}
