/**
 * Deterministic state derivation (issue 16, seed 002): a WebAssembly reducer applied message by message to an
 * embedded SQL database, so that anyone replaying the log gets the same state hash.
 * {@link io.wasmhive.procedure.derive.Derivations} is the feature's entry point (create, append, read, query,
 * snapshot, import); {@link io.wasmhive.procedure.derive.Verifier} replays a log statelessly. Sub-packages:
 * {@code sql} (the database, its guard and canonical dump), {@code engine} (one message through the reducer),
 * {@code store} (MongoDB), {@code api} (HTTP).
 */
package io.wasmhive.procedure.derive;
