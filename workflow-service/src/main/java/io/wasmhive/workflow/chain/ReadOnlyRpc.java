package io.wasmhive.workflow.chain;

import java.net.http.HttpClient;
import java.util.Map;

/**
 * Read-only JSON-RPC access to the configured chains, handed to each run as its own {@link ChainSession}.
 * Thread-safe; sessions share one HTTP client.
 */
public final class ReadOnlyRpc {

  private final ChainEndpoints endpoints;
  private final SessionLimits limits;
  private final HttpClient client;

  public ReadOnlyRpc(ChainEndpoints endpoints, SessionLimits limits, HttpClient client) {
    this.endpoints = endpoints;
    this.limits = limits;
    this.client = client;
  }

  /** A new session for a run whose job is on {@code defaultChainId}, with this service's limits. */
  public ChainSession openSession(long defaultChainId) {
    return openSession(defaultChainId, Map.of(), limits);
  }

  /**
   * A new session that starts with blocks already pinned (a replay of a recorded run reads the chain at the
   * same blocks) and the given limits.
   */
  public ChainSession openSession(long defaultChainId, Map<Long, Long> pinnedBlocks, SessionLimits limits) {
    return new ChainSession(defaultChainId, endpoints, limits, new UpstreamClient(client, limits.maxResponseBytes()),
        pinnedBlocks);
  }

  /** This service's limits for a session. */
  public SessionLimits limits() {
    return limits;
  }

  public ChainEndpoints endpoints() {
    return endpoints;
  }
}
