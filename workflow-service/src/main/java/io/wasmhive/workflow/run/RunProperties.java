package io.wasmhive.workflow.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How runs are driven ({@code workflow.runs.*}).
 *
 * @param lease how long a runner owns a claimed run without making progress: the lease is renewed after every step,
 *     so it must exceed the longest step (a WebAssembly step's timeout; a contract step's two chain calls); a runner
 *     killed mid-run leaves the run to be claimed again after it; the consumers' reclaim time follows it
 * @param consumers runners per instance (consumers of {@code workflow_run_requested})
 * @param maxDeliveries deliveries of one request before it is dead-lettered
 * @param maxWait how long {@code ?wait=true} waits for a run to finish before answering 202
 * @param consume whether this instance runs jobs; {@code false} for an instance that only accepts and shows runs
 */
@ConfigurationProperties("workflow.runs")
public record RunProperties(
    @DefaultValue("60s") Duration lease,
    @DefaultValue("2") int consumers,
    @DefaultValue("10") int maxDeliveries,
    @DefaultValue("30s") Duration maxWait,
    @DefaultValue("true") boolean consume) {

  public RunProperties {
    if (lease.toMillis() < 1000) {
      throw new IllegalArgumentException("workflow.runs.lease must be at least 1s, was " + lease);
    }
    if (consumers < 1 || consumers > 64) {
      throw new IllegalArgumentException("workflow.runs.consumers must be 1-64, was " + consumers);
    }
    if (maxDeliveries < 1) {
      throw new IllegalArgumentException("workflow.runs.max-deliveries must be at least 1, was " + maxDeliveries);
    }
  }
}
