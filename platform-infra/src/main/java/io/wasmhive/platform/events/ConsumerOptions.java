package io.wasmhive.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a subscription consumes its stream. Immutable and validated when built; the defaults (in the
 * annotations below, and nowhere else) apply to every subscription unless the configuration under
 * {@code wasmhive.events.consumer} or the subscription itself says otherwise.
 *
 * @param batchSize entries read per {@code XREADGROUP} or {@code XAUTOCLAIM} call, 1 to 1000
 * @param blockTimeout how long one read waits for new entries, 1 ms to 60 s; shutdown waits for it
 * @param concurrency worker threads (and consumers of the group) of the subscription, 1 to 64
 * @param maxDeliveries deliveries of one entry before it is dead-lettered, 1 to 1000
 * @param reclaimIdle how long an entry stays pending before any consumer of the group may take it
 *     over and deliver it again, at least 1 ms
 * @param claimInterval how often each worker looks for such entries, at least 1 ms
 * @param startPosition where a group created by this subscription starts
 */
public record ConsumerOptions(
    @DefaultValue("10") int batchSize,
    @DefaultValue("2s") Duration blockTimeout,
    @DefaultValue("1") int concurrency,
    @DefaultValue("5") int maxDeliveries,
    @DefaultValue("60s") Duration reclaimIdle,
    @DefaultValue("5s") Duration claimInterval,
    @DefaultValue("earliest") StartPosition startPosition) {

  private static final ConsumerOptions DEFAULTS =
      new Binder().bindOrCreate("defaults", ConsumerOptions.class);

  public ConsumerOptions {
    requireRange(batchSize, 1, 1000, "batchSize");
    requireRange(concurrency, 1, 64, "concurrency");
    requireRange(maxDeliveries, 1, 1000, "maxDeliveries");
    requireDuration(blockTimeout, Duration.ofMillis(1), Duration.ofSeconds(60), "blockTimeout");
    requireDuration(reclaimIdle, Duration.ofMillis(1), Duration.ofDays(7), "reclaimIdle");
    requireDuration(claimInterval, Duration.ofMillis(1), Duration.ofDays(1), "claimInterval");
    if (startPosition == null) {
      throw new IllegalArgumentException("startPosition must not be null");
    }
  }

  /** The defaults, as the annotations give them. */
  public static ConsumerOptions defaults() {
    return DEFAULTS;
  }

  public ConsumerOptions withBatchSize(int value) {
    return new ConsumerOptions(value, blockTimeout, concurrency, maxDeliveries, reclaimIdle, claimInterval, startPosition);
  }

  public ConsumerOptions withBlockTimeout(Duration value) {
    return new ConsumerOptions(batchSize, value, concurrency, maxDeliveries, reclaimIdle, claimInterval, startPosition);
  }

  public ConsumerOptions withConcurrency(int value) {
    return new ConsumerOptions(batchSize, blockTimeout, value, maxDeliveries, reclaimIdle, claimInterval, startPosition);
  }

  public ConsumerOptions withMaxDeliveries(int value) {
    return new ConsumerOptions(batchSize, blockTimeout, concurrency, value, reclaimIdle, claimInterval, startPosition);
  }

  public ConsumerOptions withReclaimIdle(Duration value) {
    return new ConsumerOptions(batchSize, blockTimeout, concurrency, maxDeliveries, value, claimInterval, startPosition);
  }

  public ConsumerOptions withClaimInterval(Duration value) {
    return new ConsumerOptions(batchSize, blockTimeout, concurrency, maxDeliveries, reclaimIdle, value, startPosition);
  }

  public ConsumerOptions withStartPosition(StartPosition value) {
    return new ConsumerOptions(batchSize, blockTimeout, concurrency, maxDeliveries, reclaimIdle, claimInterval, value);
  }

  private static void requireRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
    }
  }

  private static void requireDuration(Duration value, Duration min, Duration max, String name) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
