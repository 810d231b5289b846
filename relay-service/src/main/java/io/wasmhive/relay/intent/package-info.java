/** {@code /intent/execute-wasm}: the seed's pipeline, request ids, validation, metrics and health. */
package io.wasmhive.relay.intent;
