package io.wasmhive.executor.internal.host;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * Deterministic randomness: SHA-256 in counter mode, block {@code i} = SHA-256(seed || i as 8 big-endian
 * bytes), consumed as one continuous stream however the guest splits its reads. One digest and one block
 * buffer serve the whole execution, so filling allocates nothing however many bytes the guest asks for.
 */
final class SeededRandomSource implements RandomSource {

  private static final int BLOCK = 32;

  private final byte[] seed;
  private final MessageDigest sha256 = ExecutionSeed.sha256Digest();
  private final byte[] counterBytes = new byte[Long.BYTES];
  private final byte[] block = new byte[BLOCK];
  private int used = BLOCK;
  private long counter;

  SeededRandomSource(byte[] seed) {
    this.seed = seed.clone();
  }

  @Override
  public void fill(byte[] bytes) {
    int filled = 0;
    while (filled < bytes.length) {
      if (used == BLOCK) {
        nextBlock();
        used = 0;
      }
      int count = Math.min(bytes.length - filled, BLOCK - used);
      System.arraycopy(block, used, bytes, filled, count);
      used += count;
      filled += count;
    }
  }

  private void nextBlock() {
    long value = counter++;
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      counterBytes[i] = (byte) value;
      value >>>= 8;
    }
    sha256.update(seed);
    sha256.update(counterBytes);
    try {
      sha256.digest(block, 0, BLOCK);
    } catch (DigestException e) {
      throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
    }
  }
}
