package io.wasmhive.relay.events;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.wasmhive.platform.events.EventName;

/**
 * The envelope of an {@link ExecutionEvent} on {@code wasm_exec_events}: the entry's {@code type} field is the
 * stream's name, and the payload is the event's own flat JSON (its {@code type} field says which lifecycle event
 * it is). A wrapper, so that the shared {@link ExecutionEvent} contract needs no bus annotation.
 */
@EventName(RelayStreams.EXEC_EVENTS)
record ExecutionEventEntry(@JsonUnwrapped ExecutionEvent event) {
}
