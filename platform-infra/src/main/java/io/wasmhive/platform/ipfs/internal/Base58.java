package io.wasmhive.platform.ipfs.internal;

import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet (multibase {@code z}, and the text form of CIDv0). Quadratic in the length,
 * which is fine for the 34–40 bytes of a CID. Stateless and thread-safe.
 */
public final class Base58 {

  private static final char[] ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = i;
    }
  }

  private Base58() {
  }

  /** {@code bytes} in base58btc; each leading zero byte becomes a leading '1'. */
  public static String encode(byte[] bytes) {
    int zeros = 0;
    while (zeros < bytes.length && bytes[zeros] == 0) {
      zeros++;
    }
    byte[] digits = new byte[bytes.length * 138 / 100 + 1];
    int length = 0;
    for (int i = zeros; i < bytes.length; i++) {
      int carry = bytes[i] & 0xFF;
      for (int j = 0; j < length; j++) {
        carry += (digits[j] & 0xFF) << 8;
        digits[j] = (byte) (carry % 58);
        carry /= 58;
      }
      while (carry > 0) {
        digits[length++] = (byte) (carry % 58);
        carry /= 58;
      }
    }
    StringBuilder out = new StringBuilder(zeros + length);
    out.append("1".repeat(zeros));
    for (int j = length - 1; j >= 0; j--) {
      out.append(ALPHABET[digits[j]]);
    }
    return out.toString();
  }

  /**
   * Decodes base58btc.
   *
   * @throws IllegalArgumentException naming the first character outside the alphabet (0, O, I and l are not in it)
   */
  public static byte[] decode(CharSequence text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] bytes = new byte[text.length()];
    int length = 0;
    for (int i = zeros; i < text.length(); i++) {
      int carry = value(text.charAt(i), i);
      for (int j = 0; j < length; j++) {
        carry += (bytes[j] & 0xFF) * 58;
        bytes[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        bytes[length++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + length];
    for (int j = 0; j < length; j++) {
      out[zeros + j] = bytes[length - 1 - j];
    }
    return out;
  }

  private static int value(char c, int index) {
    int v = c < 128 ? VALUES[c] : -1;
    if (v < 0) {
      throw new IllegalArgumentException("'" + c + "' at index " + index + " is not a base58btc character");
    }
    return v;
  }
}
