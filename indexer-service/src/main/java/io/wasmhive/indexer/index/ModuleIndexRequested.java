package io.wasmhive.indexer.index;

import io.wasmhive.platform.events.EventName;
import java.time.Instant;

/**
 * Someone wants a module indexed: published on {@code module_index_requested} by this service's
 * {@code POST /index} and by other services (the relay, for a CID it cannot find).
 *
 * @param cid the CID to fetch, in any form
 * @param alias an id to record on the module, or {@code null}
 * @param requestedBy who asked, e.g. {@code indexer-http} or {@code relay-service}
 * @param requestedAt when
 */
@EventName("module_index_requested")
public record ModuleIndexRequested(String cid, String alias, String requestedBy, Instant requestedAt) {
}
