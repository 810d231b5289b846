/**
 * Stage 5 of the execute-wasm pipeline, module resolution: a reference (CIDv0, CIDv1 or
 * {@code glyph://name@version}) to a module in the shared module store. A CID the store lacks is requested from the
 * indexer over {@code module_index_requested}, once per CID while requests wait, and waited for, woken by the
 * indexer's {@code module_indexed} / {@code module_index_failed}; names go through the names registry.
 * {@link io.wasmhive.relay.resolution.ModuleResolver} is the port the intent pipeline uses.
 */
package io.wasmhive.relay.resolution;
