/** The guards of the pipeline: rate limit, idempotency, permission. */
package io.wasmhive.relay.guard;
