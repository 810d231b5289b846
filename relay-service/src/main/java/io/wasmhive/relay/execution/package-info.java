/**
 * Stages 5 to 7 of the execute-wasm pipeline: module resolution ({@link io.wasmhive.relay.execution.ModuleResolver}:
 * module store, index requests to the indexer, the names registry), executions over Redis streams
 * ({@link io.wasmhive.relay.execution.ExecutionGateway}: {@code wasm_exec_requested} out,
 * {@code wasm_exec_completed} back to every instance) and the executor consumers that run them inside the relay
 * ({@link io.wasmhive.relay.execution.ExecutorConsumers}, modes {@code all} and {@code worker}) on one shared
 * executor-core {@code WasmExecutor}, with the input/output rule of {@code EntryRule} and {@code TypedValues}.
 */
package io.wasmhive.relay.execution;
