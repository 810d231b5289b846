package io.wasmhive.indexer.fetch;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What every fetch of one {@link ModuleFetcher} shares. Thread-safe.
 *
 * @param gateways the configured gateways, in the order they are asked
 * @param client the HTTP client and answer limits
 * @param workers the bounded pool the requests run on
 * @param metrics where requests and fetches are counted
 * @param hedgeDelayNanos the hedge delay
 * @param requestTimeoutNanos the longest one request may take
 */
record FetchContext(List<Gateway> gateways, GatewayClient client, ExecutorService workers, FetchMetrics metrics,
    long hedgeDelayNanos, long requestTimeoutNanos) {
}
