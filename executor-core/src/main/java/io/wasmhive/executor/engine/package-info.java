/**
 * The engine boundary: what the executor asks of a WebAssembly engine (compile, instantiate, call,
 * memory access) and what it offers guests (host functions). Engines implement {@link
 * io.wasmhive.executor.engine.WasmEngine}; host interfaces implement {@link io.wasmhive.executor.engine.HostFunction}.
 */
package io.wasmhive.executor.engine;
