package io.wasmhive.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import java.util.List;

/**
 * A CID could not be indexed (after its attempts): published on {@value Streams#MODULE_INDEX_FAILED}
 * by the indexer.
 *
 * @param cid the CID as requested
 * @param error why
 * @param gatewayFailures each gateway's failure in the last attempt
 *     ({@code gateway REASON (attempt n): message})
 * @param attempts fetches made
 */
@EventName(Streams.MODULE_INDEX_FAILED)
public record ModuleIndexFailed(
    @JsonProperty("cid") String cid,
    @JsonProperty("error") String error,
    @JsonProperty("gateway_failures") List<String> gatewayFailures,
    @JsonProperty("attempts") int attempts) {
}
