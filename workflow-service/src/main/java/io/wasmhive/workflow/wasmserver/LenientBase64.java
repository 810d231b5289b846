package io.wasmhive.workflow.wasmserver;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Base64 decoding as Node's {@code Buffer.from(s, "base64")}: both alphabets (standard and URL-safe), padding
 * optional, characters outside the alphabet skipped, decoding ends at the first {@code =}; a trailing group too
 * short for a byte is dropped. So {@code "!!!!"} decodes to nothing and never fails.
 */
final class LenientBase64 {

  private static final int[] VALUES = new int[128];

  static {
    Arrays.fill(VALUES, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = i;
    }
    VALUES['-'] = 62;
    VALUES['_'] = 63;
  }

  private LenientBase64() {
  }

  static byte[] decode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4 + 3);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        break;
      }
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        continue;
      }
      buffer = (buffer << 6) | value;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.write((buffer >> bits) & 0xff);
      }
    }
    return out.toByteArray();
  }
}
