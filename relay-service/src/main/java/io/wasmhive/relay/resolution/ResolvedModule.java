package io.wasmhive.relay.resolution;

/**
 * A resolved module reference.
 *
 * @param reference what the client sent
 * @param cid the module's CID (CIDv1 for names), as stored
 * @param sha256 the SHA-256 hex of the bytes in {@code wasm_modules}
 */
public record ResolvedModule(String reference, String cid, String sha256) {
}
