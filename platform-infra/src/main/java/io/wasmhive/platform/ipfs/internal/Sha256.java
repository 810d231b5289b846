package io.wasmhive.platform.ipfs.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 through the JDK's provider (intrinsified on x86-64 and AArch64). Thread-safe: one digest per call. */
public final class Sha256 {

  /** Bytes in a SHA-256 digest. */
  public static final int LENGTH = 32;

  private Sha256() {
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** SHA-256 of {@code bytes}. */
  public static byte[] digest(byte[] bytes) {
    return newDigest().digest(bytes);
  }
}
