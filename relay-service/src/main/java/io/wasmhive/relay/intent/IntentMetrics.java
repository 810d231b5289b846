package io.wasmhive.relay.intent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The seed's metrics: {@code relay.execute_wasm.success}, {@code .error}, {@code .invalid_request},
 * {@code .rate_limited}, {@code .permission_denied}, {@code .idempotent_hit} (counters), {@code .duration}
 * (request duration, histogram) and {@code .gas_used} (histogram). In Prometheus they read
 * {@code relay_execute_wasm_success_total}, …, {@code relay_execute_wasm_duration_seconds_bucket},
 * {@code relay_execute_wasm_gas_used_bucket}.
 */
public final class IntentMetrics {

  private static final String PREFIX = "relay.execute_wasm.";

  private final Counter success;
  private final Counter error;
  private final Counter invalidRequest;
  private final Counter rateLimited;
  private final Counter permissionDenied;
  private final Counter idempotentHit;
  private final Timer duration;
  private final DistributionSummary gasUsed;

  public IntentMetrics(MeterRegistry registry) {
    success = counter(registry, "success", "executions that finished successfully");
    error = counter(registry, "error", "executions or requests that failed after validation");
    invalidRequest = counter(registry, "invalid_request", "requests refused by validation");
    rateLimited = counter(registry, "rate_limited", "requests refused by the rate limit");
    permissionDenied = counter(registry, "permission_denied", "requests refused by the permission check");
    idempotentHit = counter(registry, "idempotent_hit", "requests answered from the idempotency store");
    duration = Timer.builder(PREFIX + "duration").description("execute-wasm request duration")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
        .register(registry);
    gasUsed = DistributionSummary.builder(PREFIX + "gas_used").description("gas used by executions")
        .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(1e10)
        .register(registry);
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(PREFIX + name).description(description).register(registry);
  }

  public void success(long gas) {
    success.increment();
    gasUsed.record(gas);
  }

  public void failedExecution(long gas) {
    error.increment();
    gasUsed.record(gas);
  }

  public void error() {
    error.increment();
  }

  public void invalidRequest() {
    invalidRequest.increment();
  }

  public void rateLimited() {
    rateLimited.increment();
  }

  public void permissionDenied() {
    permissionDenied.increment();
  }

  public void idempotentHit() {
    idempotentHit.increment();
  }

  public void duration(long nanos) {
    duration.record(Duration.ofNanos(nanos));
  }
}
