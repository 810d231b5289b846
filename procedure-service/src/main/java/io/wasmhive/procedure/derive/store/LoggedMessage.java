package io.wasmhive.procedure.derive.store;

/**
 * One message of a log, immutable once written.
 *
 * @param position its position, from 1
 * @param payload the bytes the reducer received (the message's compact JSON)
 * @param prevHash the chain hash before it (hex)
 * @param hash SHA-256 of the bytes of {@code prevHash} followed by {@code payload} (hex)
 * @param applied whether the reducer's changes were committed
 * @param reason why it was rejected, or {@code null}
 * @param stateHash the state hash after it
 */
public record LoggedMessage(long position, byte[] payload, String prevHash, String hash, boolean applied,
    String reason, String stateHash) {
}
