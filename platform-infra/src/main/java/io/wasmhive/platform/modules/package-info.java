/**
 * The shared module store: WebAssembly modules by content address in the MongoDB collection
 * {@code wasm_modules}, one document per SHA-256, looked up by SHA-256, by any CID form or by alias. Every
 * service reads module bytes through {@link io.wasmhive.platform.modules.ModuleStore}, so none can run bytes
 * that do not match the address it asked for.
 */
package io.wasmhive.platform.modules;
