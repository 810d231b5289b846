/**
 * Execution lifecycle events: {@link io.wasmhive.relay.events.ExecutionEventPublisher} is the one way they are made
 * and published on {@code wasm_exec_events} (the gateway's {@code execution_queued}, the executors' others); in every
 * relay instance not in worker mode the event bus's follow of that stream (no group) hands each entry to the
 * clients of {@code GET /intent/execute-wasm/events} (Server-Sent Events, servlet async with non-blocking output),
 * each filtered to its user, replayed from {@code Last-Event-ID} on reconnection.
 * {@link io.wasmhive.relay.events.ExecutionEventStream#state()} reports the feature to the health endpoint.
 */
package io.wasmhive.relay.events;
