/**
 * Execution lifecycle events and the streams they travel on: {@link io.wasmhive.relay.events.ExecutionEventPublisher}
 * appends {@link io.wasmhive.relay.events.ExecutionEvent}s to {@code wasm_exec_events}; in every relay instance not
 * in worker mode one reader thread reads that stream with plain {@code XREAD} and fans the events out to the
 * clients of {@code GET /intent/execute-wasm/events} (Server-Sent Events, servlet async with non-blocking output),
 * each filtered to its user, replayed from {@code Last-Event-ID} on reconnection.
 * {@link io.wasmhive.relay.events.ExecutionEventStream#state()} reports the feature to the health endpoint.
 */
package io.wasmhive.relay.events;
