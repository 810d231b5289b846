package io.wasmhive.relay.events;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SSE feature's meters: {@code relay.sse.connections} (open now), {@code relay.sse.entries.read} (entries the
 * follow took from {@code wasm_exec_events}) and {@code relay.sse.subscribers.too_slow} (connections closed because
 * their queue overflowed). Read when scraped; nothing is counted twice.
 */
final class SseMetrics {

  private SseMetrics() {
  }

  static void bind(MeterRegistry registry, SubscriberHub hub, ExecutionEventStream stream) {
    Gauge.builder("relay.sse.connections", hub, SubscriberHub::connections)
        .description("Open SSE connections of GET /intent/execute-wasm/events")
        .register(registry);
    FunctionCounter.builder("relay.sse.entries.read", stream, ExecutionEventStream::entriesRead)
        .description("Entries read from wasm_exec_events by this instance's follow")
        .register(registry);
    FunctionCounter.builder("relay.sse.subscribers.too_slow", hub, SubscriberHub::closedTooSlow)
        .description("SSE connections closed because they did not keep up")
        .register(registry);
  }
}
