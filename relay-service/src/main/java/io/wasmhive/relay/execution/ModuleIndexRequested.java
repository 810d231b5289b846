package io.wasmhive.relay.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;

/** The indexer's request event ({@code docs/events.md}), as the relay publishes it for a CID it lacks. */
@EventName("module_index_requested")
record ModuleIndexRequested(
    @JsonProperty("cid") String cid,
    @JsonProperty("alias") String alias,
    @JsonProperty("requested_by") String requestedBy,
    @JsonProperty("requested_at") String requestedAt) {
}
