package io.wasmhive.indexer.chain;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chain watcher ({@code indexer.chain.*}). Defaults live here and only here; validated when bound, the
 * endpoint and contract only when the watcher is enabled.
 *
 * @param enabled whether the watcher runs at all
 * @param rpcUrl the Ethereum JSON-RPC endpoint over HTTP(S); {@code ETH_RPC_URL} sets it too
 * @param registryAddress the registry contract whose logs are read (0x and 40 hex digits)
 * @param confirmations how many blocks must follow a block before its events are handed over; the only
 *     protection against reorgs
 * @param pollInterval the pause between two polls of the chain head
 * @param maxBlockRange the most blocks one {@code eth_getLogs} request covers
 * @param startBlock the first block read when no cursor is stored yet (a stored cursor wins)
 * @param maxBackoff the longest pause after failed polls; pauses double from {@code pollInterval} up to it
 */
@ConfigurationProperties("indexer.chain")
public record ChainProperties(
    @DefaultValue("false") boolean enabled,
    String rpcUrl,
    String registryAddress,
    @DefaultValue("12") int confirmations,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("2000") int maxBlockRange,
    @DefaultValue("0") long startBlock,
    @DefaultValue("1m") Duration maxBackoff) {

  /** Providers cap a log query well below this; a larger range is a configuration mistake. */
  static final int MAX_BLOCK_RANGE_LIMIT = 100_000;

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  public ChainProperties {
    require(confirmations >= 0, "indexer.chain.confirmations must not be negative");
    require(pollInterval.toMillis() > 0, "indexer.chain.poll-interval must be positive");
    require(maxBlockRange >= 1 && maxBlockRange <= MAX_BLOCK_RANGE_LIMIT,
        "indexer.chain.max-block-range must be between 1 and " + MAX_BLOCK_RANGE_LIMIT);
    require(startBlock >= 0, "indexer.chain.start-block must not be negative");
    require(maxBackoff.compareTo(pollInterval) >= 0, "indexer.chain.max-backoff must not be below poll-interval");
    if (enabled) {
      require(isHttpUrl(rpcUrl), "indexer.chain.rpc-url (or ETH_RPC_URL) must be an http(s) URL when the watcher"
          + " is enabled, was '" + rpcUrl + "'");
      require(registryAddress != null && ADDRESS.matcher(registryAddress).matches(),
          "indexer.chain.registry-address must be 0x followed by 40 hex digits, was '" + registryAddress + "'");
    }
  }

  /** The registry address in lower case, the form logs carry and cursors are keyed by. */
  String registry() {
    return registryAddress.toLowerCase(Locale.ROOT);
  }

  private static boolean isHttpUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
