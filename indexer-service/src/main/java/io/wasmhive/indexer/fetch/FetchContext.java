package io.wasmhive.indexer.fetch;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every fetch of one {@link ModuleFetcher} shares. Thread-safe.
 *
 * @param gateways the configured gateways, in the order they are asked
 * @param client the HTTP client and answer limits
 * @param workers the bounded pool that reads and verifies answers
 * @param inFlight requests sent and not yet ended (a cancelled one ends when its exchange is aborted)
 * @param metrics where requests and fetches are counted
 * @param hedgeDelayNanos the hedge delay
 * @param requestTimeoutNanos the longest one request may take
 */
record FetchContext(List<Gateway> gateways, GatewayClient client, ExecutorService workers, AtomicInteger inFlight,
    FetchMetrics metrics,
    long hedgeDelayNanos, long requestTimeoutNanos) {
}
