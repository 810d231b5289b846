package io.wasmhive.indexer.index;

import io.wasmhive.platform.events.EventName;

/**
 * A CID's module is stored in {@code wasm_modules} and verified: published on {@code module_indexed}.
 *
 * @param cid the CID as requested
 * @param sha256 the module's SHA-256, its key in the module store
 * @param cidV0 what {@code ipfs add} prints for it
 * @param cidV1 what {@code ipfs add --cid-version=1} prints for it
 * @param size bytes
 * @param attempts fetches it took (0 when it was already stored)
 */
@EventName("module_indexed")
public record ModuleIndexed(String cid, String sha256, String cidV0, String cidV1, long size, int attempts) {
}
