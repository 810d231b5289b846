package io.wasmhive.procedure.derive.store;

/**
 * A derivation's state after the message at {@code position}: the canonical dump and its hash.
 *
 * @param position the message the state is after
 * @param dump the canonical state dump (derive.sql.StateDump)
 * @param stateHash the dump's SHA-256 (hex), equal to the logged message's state hash
 */
public record Snapshot(long position, byte[] dump, String stateHash) {
}
