package io.wasmhive.executor.internal.host;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Strict UTF-8 for the {@code db} module: SQL in, error messages out. Stateless. */
final class DbText {

  private DbText() {
  }

  /** The text of {@code bytes}, or {@code null} when they are not valid UTF-8. */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The UTF-8 bytes of {@code text}, cut to at most {@code max} bytes without splitting a character. */
  static byte[] truncate(String text, int max) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= max) {
      return bytes;
    }
    int end = max;
    // Back up over continuation bytes (10xxxxxx) to the start of the character that does not fit.
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return Arrays.copyOf(bytes, end);
  }
}
