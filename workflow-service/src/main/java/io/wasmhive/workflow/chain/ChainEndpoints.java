package io.wasmhive.workflow.chain;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The JSON-RPC URL of each configured chain; immutable and thread-safe. */
public final class ChainEndpoints {

  private final Map<Long, URI> urls;

  public ChainEndpoints(Map<Long, URI> urls) {
    urls.forEach((chainId, url) -> requireUsable(chainId, url, "chain endpoint"));
    this.urls = Map.copyOf(urls);
  }

  /** Configured endpoints, overridden per chain by the variables' ones. */
  static ChainEndpoints merge(Map<Long, URI> configured, Map<Long, URI> variables) {
    Map<Long, URI> merged = new TreeMap<>(configured);
    merged.putAll(variables);
    return new ChainEndpoints(merged);
  }

  /** The URL of {@code chainId}, if one is configured. */
  public Optional<URI> url(long chainId) {
    return Optional.ofNullable(urls.get(chainId));
  }

  /** The configured chain ids, in ascending order. */
  public java.util.SortedSet<Long> chainIds() {
    return new java.util.TreeSet<>(urls.keySet());
  }

  static void requireUsable(Long chainId, URI url, String source) {
    if (chainId == null || chainId < 1) {
      throw new IllegalArgumentException(source + ": chain id " + chainId + " is not a positive integer");
    }
    if (url == null || url.getHost() == null
        || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
      throw new IllegalArgumentException(source + ": the URL of chain " + chainId + " must be an http(s) URL");
    }
  }
}
