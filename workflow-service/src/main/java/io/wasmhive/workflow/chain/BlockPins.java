package io.wasmhive.workflow.chain;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The block each chain is pinned to for one session: fetched with {@code eth_blockNumber} on the chain's first
 * use, one fetch at a time per chain, then kept. Thread-safe.
 */
final class BlockPins {

  private final Map<Long, Long> pinned = new ConcurrentHashMap<>();
  private final Map<Long, Object> locks = new ConcurrentHashMap<>();
  private final UpstreamClient upstream;

  BlockPins(UpstreamClient upstream, Map<Long, Long> initial) {
    this.upstream = upstream;
    this.pinned.putAll(initial);
  }

  /** The pinned block of {@code chainId}, fetched from {@code url} within {@code deadline} if not yet known. */
  long block(long chainId, URI url, CallDeadline deadline)
      throws UpstreamClient.UpstreamFailure, InterruptedException {
    Long block = pinned.get(chainId);
    if (block != null) {
      return block;
    }
    synchronized (locks.computeIfAbsent(chainId, c -> new Object())) {
      block = pinned.get(chainId);
      if (block == null) {
        block = quantity(upstream.call(url, "eth_blockNumber", JsonRpcReplies.JSON.createArrayNode(), deadline)
            .get("result"));
        pinned.put(chainId, block);
      }
      return block;
    }
  }

  Map<Long, Long> snapshot() {
    return new TreeMap<>(pinned);
  }

  private static long quantity(JsonNode result) throws UpstreamClient.UpstreamFailure {
    if (result != null && result.isString() && result.stringValue().startsWith("0x")) {
      try {
        return Long.parseLong(result.stringValue().substring(2), 16);
      } catch (NumberFormatException e) {
        // Reported below.
      }
    }
    throw new UpstreamClient.UpstreamFailure("Upstream eth_blockNumber answered no block number");
  }
}
