/**
 * indexer-service: indexes WebAssembly modules: fetches them by CID from trustless gateways, verifies them and records them in the wasm_modules collection.
 *
 * <p>This package holds the application class only; each feature gets a package of its own
 * beneath it ({@code indexer.<feature>}), never a package per layer.
 */
package io.wasmhive.indexer;
