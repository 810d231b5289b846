/**
 * WebAssembly steps: running one workflow module on the shared executor the way the Ditto simulator runs it
 * ({@code run} export, else a WASI command; one JSON line on stdin; the first non-empty stdout line is the
 * result) under the {@code workflow.wasm.*} limits, and the simulator's verdict strings when it fails.
 * {@link io.wasmhive.workflow.wasm.WasmStepRunner} is the public entry point.
 */
package io.wasmhive.workflow.wasm;
