package io.wasmhive.procedure.derive.engine;

/**
 * What applying one message did.
 *
 * @param applied whether the message's changes were committed
 * @param reason why it was rejected ({@code null} when applied); the same text on every replay
 * @param stateHash the state hash after the message (unchanged from before when rejected)
 * @param size the canonical dump's size in bytes after the message
 */
public record Outcome(boolean applied, String reason, String stateHash, long size) {
}
