package io.wasmhive.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import java.time.Instant;

/**
 * Someone wants a module indexed: published on {@value Streams#MODULE_INDEX_REQUESTED} by the
 * indexer's {@code POST /index} and chain watcher, and by any service that lacks a module (the relay, the
 * workflow service).
 *
 * @param cid the CID to fetch, in any form
 * @param alias an id to record on the module, or {@code null}
 * @param requestedBy who asked, e.g. {@code indexer-http} or {@code relay-service}
 * @param requestedAt when (ISO-8601 on the wire)
 */
@EventName(Streams.MODULE_INDEX_REQUESTED)
public record ModuleIndexRequested(
    @JsonProperty("cid") String cid,
    @JsonProperty("alias") String alias,
    @JsonProperty("requested_by") String requestedBy,
    @JsonProperty("requested_at") Instant requestedAt) {
}
