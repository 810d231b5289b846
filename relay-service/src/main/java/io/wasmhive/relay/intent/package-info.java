/**
 * {@code /intent/execute-wasm}: the seed's pipeline ({@link io.wasmhive.relay.intent.ExecuteWasmService}, ordering
 * the guards of {@code RequestGuards}, the repeats of {@code DuplicateRequests} and the stored responses of
 * {@code OutcomeRecorder}), request ids, validation, response bodies, the status endpoint, metrics and health.
 */
package io.wasmhive.relay.intent;
