package io.wasmhive.indexer.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The fetch meters: {@code indexer_gateway_requests_total{gateway,outcome}} (outcome {@code ok}, {@code cancelled}
 * for a hedge's losers, or a {@link FailureReason} in lower case) and {@code indexer_fetch_duration_seconds{outcome}}
 * ({@code success}, {@code failure}). Gateways are tagged masked. Thread-safe.
 */
final class FetchMetrics {

  static final String REQUESTS = "indexer.gateway.requests";
  static final String DURATION = "indexer.fetch.duration";

  private final MeterRegistry registry;

  FetchMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts one request to {@code gateway} ending with {@code outcome}. */
  void request(Gateway gateway, String outcome) {
    Counter.builder(REQUESTS)
        .description("Requests to IPFS gateways, by how they ended")
        .tag("gateway", gateway.masked())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** Records one whole fetch, retries included. */
  void fetch(Duration took, boolean success) {
    Timer.builder(DURATION)
        .description("Whole module fetches from IPFS gateways, retries included")
        .tag("outcome", success ? "success" : "failure")
        .register(registry)
        .record(took);
  }
}
