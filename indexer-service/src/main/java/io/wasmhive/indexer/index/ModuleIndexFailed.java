package io.wasmhive.indexer.index;

import io.wasmhive.platform.events.EventName;
import java.util.List;

/**
 * A CID could not be indexed (after its attempts): published on {@code module_index_failed}.
 *
 * @param cid the CID as requested
 * @param error why
 * @param gatewayFailures each gateway's failure in the last attempt
 * @param attempts fetches made
 */
@EventName("module_index_failed")
public record ModuleIndexFailed(String cid, String error, List<String> gatewayFailures, int attempts) {
}
