/**
 * The owner whitelist of the real system: which workflow owners' WebAssembly steps a leader runs
 * ({@code WASM_WHITELIST_ENABLED}, {@code WASM_WHITELIST_ADDRESSES}, MongoDB {@code wasm_whitelist}).
 */
package io.wasmhive.workflow.whitelist;
