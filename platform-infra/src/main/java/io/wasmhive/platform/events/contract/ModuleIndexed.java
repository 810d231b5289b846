package io.wasmhive.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;

/**
 * A CID's module is stored in {@code wasm_modules} and verified: published on
 * {@value Streams#MODULE_INDEXED} by the indexer.
 *
 * @param cid the CID as requested
 * @param sha256 the module's SHA-256, its key in the module store
 * @param cidV0 what {@code ipfs add} prints for it
 * @param cidV1 what {@code ipfs add --cid-version=1} prints for it
 * @param size bytes
 * @param attempts fetches it took (0 when it was already stored)
 */
@EventName(Streams.MODULE_INDEXED)
public record ModuleIndexed(
    @JsonProperty("cid") String cid,
    @JsonProperty("sha256") String sha256,
    @JsonProperty("cid_v0") String cidV0,
    @JsonProperty("cid_v1") String cidV1,
    @JsonProperty("size") long size,
    @JsonProperty("attempts") int attempts) {
}
