/**
 * relay-service: the front door for web UIs and API clients: accepts execution intents over HTTP, publishes them to the Redis streams, and relays their results back over SSE.
 *
 * <p>This package holds the application class only; each feature gets a package of its own
 * beneath it ({@code relay.<feature>}), never a package per layer.
 */
package io.wasmhive.relay;
