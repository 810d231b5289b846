/**
 * Stage 7 of the execute-wasm pipeline, the worker: the executor consumers of the relay (modes {@code all} and
 * {@code worker}) in the group {@code executors} on {@code wasm_exec_requested}, each outcome published once under
 * the {@code relay:done:<request_id>} marker ({@link io.wasmhive.relay.execution.ExecutorConsumers},
 * {@code CompletionMarker}), on one shared executor-core {@code WasmExecutor} ({@code ModuleRunner}), with the
 * input/output rule of {@code EntryRule} (values converted by platform-infra's {@code WasmJson}) and the guest's progress reported as throttled
 * lifecycle events. Module resolution and the gateway that publishes the requests are
 * {@code io.wasmhive.relay.resolution} and {@code io.wasmhive.relay.gateway}.
 */
package io.wasmhive.relay.execution;
