package io.wasmhive.relay.execution;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the execution feature, under {@code relay.executor}. The executor pool itself is configured by
 * seed 004's {@code WASM_*} variables.
 *
 * @param consumers executor consumers (threads) of this instance in the group {@code executors}, 1 to 64
 * @param reclaimIdle how long a request stays pending with a consumer before another consumer of the group takes
 *     it over (the consumer died); also added to a request's {@code max_time} for the lease of its marker
 * @param claimInterval how often each consumer looks for such requests
 * @param maxDeliveries deliveries of one request before it is dead-lettered to {@code wasm_exec_requested.dlq}
 * @param doneTtl how long {@code relay:done:<request_id>} keeps a finished request's outcome, so redeliveries
 *     and resubmissions do not run it again
 * @param maxWait longest a submitted or awaited request is waited for before its future fails with a timeout
 *     (callers normally time out far earlier and cancel)
 * @param progressInterval at most one {@code execution_progress} event per execution per interval
 */
@ConfigurationProperties("relay.executor")
public record ExecutorProperties(
    @DefaultValue("2") int consumers,
    @DefaultValue("30s") Duration reclaimIdle,
    @DefaultValue("5s") Duration claimInterval,
    @DefaultValue("5") int maxDeliveries,
    @DefaultValue("10m") Duration doneTtl,
    @DefaultValue("10m") Duration maxWait,
    @DefaultValue("100ms") Duration progressInterval) {

  public ExecutorProperties {
    if (consumers < 1 || consumers > 64) {
      throw new IllegalArgumentException("relay.executor.consumers must be between 1 and 64, was " + consumers);
    }
    if (maxDeliveries < 1 || maxDeliveries > 1000) {
      throw new IllegalArgumentException("relay.executor.max-deliveries must be between 1 and 1000, was "
          + maxDeliveries);
    }
    requirePositive(reclaimIdle, "reclaim-idle");
    requirePositive(claimInterval, "claim-interval");
    requirePositive(doneTtl, "done-ttl");
    requirePositive(maxWait, "max-wait");
    if (progressInterval == null || progressInterval.isNegative()) {
      throw new IllegalArgumentException("relay.executor.progress-interval must not be negative");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("relay.executor." + name + " must be positive, was " + d);
    }
  }
}
