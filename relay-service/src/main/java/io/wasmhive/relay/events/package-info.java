/** Execution lifecycle events and the streams they travel on. */
package io.wasmhive.relay.events;
