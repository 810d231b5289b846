/**
 * Stage 6 of the execute-wasm pipeline, the gateway to the executors: {@link io.wasmhive.relay.gateway.ExecutionGateway}
 * publishes {@code execution_queued} and {@code wasm_exec_requested}, and completes the accepting instance's futures
 * from {@code wasm_exec_completed}, which every instance follows, whichever instance executed. It also carries the
 * pipeline's view of an execution: {@link io.wasmhive.relay.gateway.ExecutionRequest},
 * {@link io.wasmhive.relay.gateway.ExecutionPolicy} and {@link io.wasmhive.relay.gateway.ExecutionOutcome}.
 */
package io.wasmhive.relay.gateway;
