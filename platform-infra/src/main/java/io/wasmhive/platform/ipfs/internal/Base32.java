package io.wasmhive.platform.ipfs.internal;

import java.util.Arrays;

/**
 * RFC 4648 base32, lower-case alphabet, no padding: multibase {@code b}, the canonical text form of CIDv1.
 * Stateless and thread-safe.
 */
public final class Base32 {

  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = i;
    }
  }

  private Base32() {
  }

  /** {@code bytes} in lower-case base32 without padding. */
  public static String encode(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xFF);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out.append(ALPHABET[(buffer >>> bits) & 31]);
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  /**
   * Decodes lower-case unpadded base32.
   *
   * @throws IllegalArgumentException naming the first character outside the alphabet, an impossible length or
   *     non-zero padding bits
   */
  public static byte[] decode(CharSequence text) {
    int remainder = text.length() % 8;
    if (remainder == 1 || remainder == 3 || remainder == 6) {
      throw new IllegalArgumentException("base32 text of length " + text.length() + " is truncated");
    }
    byte[] out = new byte[text.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int pos = 0;
    for (int i = 0; i < text.length(); i++) {
      buffer = (buffer << 5) | value(text.charAt(i), i);
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[pos++] = (byte) (buffer >>> bits);
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new IllegalArgumentException("base32 text has non-zero padding bits");
    }
    return out;
  }

  private static int value(char c, int index) {
    int v = c < 128 ? VALUES[c] : -1;
    if (v < 0) {
      throw new IllegalArgumentException("'" + c + "' at index " + index + " is not a base32 (lower-case) character");
    }
    return v;
  }
}
