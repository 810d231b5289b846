package io.wasmhive.workflow.chain;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-only chain access ({@code workflow.chain}). Endpoints also come from the seed's variables
 * {@code RPC_URL_<chainId>} (see {@link EndpointVariables}), which win over {@code endpoints}.
 *
 * @param endpoints the JSON-RPC URL of each chain, by chain id; never taken from request data
 * @param callTimeout how long one call may take at most (less when the step has less time left)
 * @param callBudget how many calls one run may make (refused requests do not count)
 * @param maxResponseBytes the largest upstream response accepted; a bigger one is an error to the caller
 * @param maxRecordedBytes how many characters of request and response text one run records in all; past it
 *     the exchanges are still recorded, with their texts cut
 */
@ConfigurationProperties("workflow.chain")
public record ChainProperties(
    @DefaultValue Map<Long, URI> endpoints,
    @DefaultValue("5s") Duration callTimeout,
    @DefaultValue("50") int callBudget,
    @DefaultValue("1048576") int maxResponseBytes,
    @DefaultValue("4194304") int maxRecordedBytes) {

  public ChainProperties {
    endpoints = Map.copyOf(endpoints);
    endpoints.forEach((chainId, url) -> ChainEndpoints.requireUsable(chainId, url, "workflow.chain.endpoints"));
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("workflow.chain.call-timeout must be positive");
    }
    if (callBudget < 0) {
      throw new IllegalArgumentException("workflow.chain.call-budget must not be negative");
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("workflow.chain.max-response-bytes must be at least 1024");
    }
    if (maxRecordedBytes < 0) {
      throw new IllegalArgumentException("workflow.chain.max-recorded-bytes must not be negative");
    }
  }

  /** The settings of one session, for {@link ReadOnlyRpc}. */
  SessionLimits limits() {
    return new SessionLimits(callTimeout, callBudget, maxResponseBytes, maxRecordedBytes);
  }
}
