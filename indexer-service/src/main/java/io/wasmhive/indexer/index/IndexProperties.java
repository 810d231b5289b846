package io.wasmhive.indexer.index;

import io.wasmhive.platform.events.contract.Streams;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How index jobs are worked off ({@code indexer.index.*}).
 *
 * @param maxAttempts fetches of one CID before it is {@code failed} (each fetch already retries its gateways)
 * @param lease how long a job stays {@code pinning} before another indexer may take it over (its indexer died)
 * @param retryAfter how long a retryable failure, or a delivery that found its CID in another indexer's
 *     hands, waits before it is tried again (the stream's reclaim idle time)
 * @param concurrency how many CIDs one indexer fetches at once
 * @param group the consumer group every indexer instance joins
 */
@ConfigurationProperties("indexer.index")
public record IndexProperties(
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("45s") Duration lease,
    @DefaultValue("15s") Duration retryAfter,
    @DefaultValue("4") int concurrency,
    @DefaultValue(Streams.INDEXER_GROUP) String group) {

  public IndexProperties {
    if (maxAttempts < 1 || concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("indexer.index.max-attempts must be >= 1 and concurrency 1..64");
    }
    if (lease.isNegative() || lease.isZero() || retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("indexer.index.lease and retry-after must be positive");
    }
  }
}
