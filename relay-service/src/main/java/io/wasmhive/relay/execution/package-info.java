/** Module resolution and execution over Redis streams, with the executor consumers that run inside the relay. */
package io.wasmhive.relay.execution;
