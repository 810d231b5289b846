package io.wasmhive.executor.internal.host;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of the execution id: the single source of everything a deterministic execution observes. */
final class ExecutionSeed {

  private ExecutionSeed() {
  }

  static byte[] of(String executionId) {
    return sha256(executionId.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] sha256(byte[] input) {
    return sha256Digest().digest(input);
  }

  /** A fresh SHA-256 digest. */
  static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** The big-endian long at {@code offset} of the seed. */
  static long longAt(byte[] seed, int offset) {
    return ByteBuffer.wrap(seed, offset, Long.BYTES).getLong();
  }
}
