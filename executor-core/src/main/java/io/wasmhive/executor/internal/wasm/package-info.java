/**
 * The engine-independent WebAssembly binary toolkit: {@link io.wasmhive.executor.internal.wasm.WasmParser}
 * decodes and feature-checks untrusted modules, {@link io.wasmhive.executor.internal.wasm.Instrumenter}
 * rewrites them so the host can meter gas and cap memory whatever engine runs them.
 */
package io.wasmhive.executor.internal.wasm;
