package io.wasmhive.relay.execution;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.wasmhive.platform.events.EventName;
import io.wasmhive.relay.events.ExecutionEvent;

/**
 * How an {@link ExecutionEvent} travels through the event bus on {@code wasm_exec_events}: the envelope's
 * {@code type} is {@code wasm_exec_events}; the payload is the flat event itself, its own {@code type} saying
 * which lifecycle step it is. (The shared record carries no {@code @EventName}; this wrapper gives it one
 * without changing it.)
 */
@EventName("wasm_exec_events")
record ExecutionEventRecorded(@JsonUnwrapped ExecutionEvent event) {
}
