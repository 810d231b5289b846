package io.wasmhive.indexer.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Fetching from IPFS gateways ({@code indexer.fetch.*}). Defaults live here and only here; validated when bound.
 *
 * @param gateways base URLs of trustless gateways, asked in this order; {@code IPFS_GATEWAYS} (comma-separated) sets
 *     them. Empty (the default) is valid and disables fetching: every fetch then fails with a clear error
 * @param maxModuleSize the largest module fetched (seed 000: 10 MiB); reading stops there
 * @param hedgeDelay how long a gateway may take before the next one is asked as well (0: all at once)
 * @param requestTimeout the longest one request to one gateway may take, body included
 * @param connectTimeout the longest opening a connection may take
 * @param maxConcurrentRequests threads reading gateway answers, shared by all fetches; more requests wait
 * @param retry how often a failed round of requests is repeated
 */
@ConfigurationProperties("indexer.fetch")
public record FetchProperties(
    List<String> gateways,
    @DefaultValue("10MB") DataSize maxModuleSize,
    @DefaultValue("500ms") Duration hedgeDelay,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("16") int maxConcurrentRequests,
    @DefaultValue Retry retry) {

  /** The largest module size accepted in configuration. */
  static final long MAX_MODULE_SIZE_LIMIT = 1L << 30;

  public FetchProperties {
    gateways = gateways == null ? List.of()
        : gateways.stream().map(String::trim).filter(g -> !g.isEmpty()).toList();
    gateways.forEach(Gateway::parse);
    Objects.requireNonNull(maxModuleSize, "indexer.fetch.max-module-size");
    require(maxModuleSize.toBytes() >= 1 && maxModuleSize.toBytes() <= MAX_MODULE_SIZE_LIMIT,
        "indexer.fetch.max-module-size must be between 1B and 1GB, was " + maxModuleSize);
    require(!hedgeDelay.isNegative(), "indexer.fetch.hedge-delay must not be negative");
    require(requestTimeout.toMillis() > 0, "indexer.fetch.request-timeout must be positive");
    require(connectTimeout.toMillis() > 0, "indexer.fetch.connect-timeout must be positive");
    require(maxConcurrentRequests >= 1, "indexer.fetch.max-concurrent-requests must be at least 1");
    Objects.requireNonNull(retry, "indexer.fetch.retry");
  }

  /** The size limit in bytes. */
  int maxModuleBytes() {
    return (int) maxModuleSize.toBytes();
  }

  /**
   * The most bytes read from a CAR answer: the module limit plus room for the DAG's framing, links and CIDs. 1/8
   * more covers chunks down to about 1 KiB (the default 256 KiB chunks need about 0.05 %), 64 KiB the header.
   */
  long maxCarBytes() {
    return maxModuleSize.toBytes() + maxModuleSize.toBytes() / 8 + 64 * 1024;
  }

  /** The configured gateways, parsed. */
  List<Gateway> gatewayList() {
    return gateways.stream().map(Gateway::parse).toList();
  }

  /** Gateways masked: the record may be logged. */
  @Override
  public String toString() {
    return "FetchProperties[gateways=" + gateways.stream().map(Gateway::maskText).toList() + ", maxModuleSize="
        + maxModuleSize + ", hedgeDelay=" + hedgeDelay + ", requestTimeout=" + requestTimeout + ", connectTimeout="
        + connectTimeout + ", maxConcurrentRequests=" + maxConcurrentRequests + ", retry=" + retry + "]";
  }

  /**
   * Repeating a failed round ({@code indexer.fetch.retry.*}).
   *
   * @param maxAttempts rounds at most, the first included (1: no retry)
   * @param initialBackoff the pause before the second round
   * @param multiplier how much each later pause grows
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("200ms") Duration initialBackoff,
      @DefaultValue("2.0") double multiplier) {

    public Retry {
      require(maxAttempts >= 1, "indexer.fetch.retry.max-attempts must be at least 1");
      require(initialBackoff.toMillis() >= 1, "indexer.fetch.retry.initial-backoff must be at least 1ms");
      require(multiplier >= 1.0, "indexer.fetch.retry.multiplier must be at least 1.0");
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
