package io.wasmhive.procedure.derive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The log's hash chain: {@code hash = SHA-256(bytes of prev_hash || payload)}, from 32 zero bytes. Thread-safe. */
final class HashChain {

  private HashChain() {
  }

  static String next(String prevHashHex, byte[] payload) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(HexFormat.of().parseHex(prevHashHex));
      return HexFormat.of().formatHex(digest.digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
