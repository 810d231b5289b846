/**
 * The Ditto WASM server API ({@code POST /wasm/run}, {@code GET /wasm/health}), wire-compatible with the Ditto
 * simulator's sandbox so that a simulator can point {@code WASM_SERVER_URL} at this service: the request checked
 * in the simulator's order, the module registered in the executor by SHA-256 and run by
 * {@link io.wasmhive.workflow.wasm.WasmStepRunner}, answers in the simulator's key order. Its errors are rendered by
 * its own advice, apart from the rest of the service's API.
 */
package io.wasmhive.workflow.wasmserver;
