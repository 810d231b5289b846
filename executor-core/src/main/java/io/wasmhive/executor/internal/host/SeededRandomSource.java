package io.wasmhive.executor.internal.host;

import java.nio.ByteBuffer;

/**
 * Deterministic randomness: SHA-256 in counter mode, block {@code i} = SHA-256(seed || i as 8 big-endian
 * bytes), consumed as one continuous stream however the guest splits its reads.
 */
final class SeededRandomSource implements RandomSource {

    private final byte[] seed;
    private byte[] block = new byte[0];
    private int used;
    private long counter;

    SeededRandomSource(byte[] seed) {
        this.seed = seed.clone();
    }

    @Override
    public void fill(byte[] bytes) {
        int filled = 0;
        while (filled < bytes.length) {
            if (used == block.length) {
                block = nextBlock();
                used = 0;
            }
            int count = Math.min(bytes.length - filled, block.length - used);
            System.arraycopy(block, used, bytes, filled, count);
            used += count;
            filled += count;
        }
    }

    private byte[] nextBlock() {
        byte[] input = ByteBuffer.allocate(seed.length + Long.BYTES).put(seed).putLong(counter++).array();
        return ExecutionSeed.sha256(input);
    }
}
