/**
 * executor-core in a Spring service: {@link io.wasmhive.platform.executor.WasmExecutorConfiguration} builds the
 * process's one {@link io.wasmhive.executor.WasmExecutor} from {@link
 * io.wasmhive.platform.executor.WasmExecutorProperties} (seed 004's {@code WASM_*} variables, mapped by {@link
 * io.wasmhive.platform.executor.WasmVariablesEnvironmentPostProcessor}) with the shared module store as its module
 * source, and {@link io.wasmhive.platform.executor.WasmJson} converts JSON numbers to WebAssembly values and back.
 * Used by the services that run guests (relay, procedure); they declare executor-core themselves.
 */
package io.wasmhive.platform.executor;
