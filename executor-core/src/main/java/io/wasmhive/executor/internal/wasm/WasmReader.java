package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.InvalidModuleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over module bytes with strict LEB128 decoding. Every read checks the
 * remaining bytes first, so malformed input can only ever raise {@link InvalidModuleException}.
 */
final class WasmReader {

  private final byte[] bytes;
  private int pos;
  private int limit;
  private String where = "module header";

  WasmReader(byte[] bytes) {
    this.bytes = bytes;
    this.limit = bytes.length;
  }

  /** Names the part being read, for error messages. */
  void where(String where) {
    this.where = where;
  }

  String where() {
    return where;
  }

  int pos() {
    return pos;
  }

  void pos(int pos) {
    this.pos = pos;
  }

  int limit() {
    return limit;
  }

  /** Narrows reading to {@code [pos, limit)}; callers restore the old limit themselves. */
  void limit(int limit) {
    this.limit = limit;
  }

  int remaining() {
    return limit - pos;
  }

  boolean atEnd() {
    return pos >= limit;
  }

  byte[] bytes() {
    return bytes;
  }

  InvalidModuleException error(String message) {
    return error(message, pos);
  }

  InvalidModuleException error(String message, int offset) {
    return new InvalidModuleException(message + " in " + where + " at offset 0x" + Integer.toHexString(offset));
  }

  int u8() {
    if (pos >= limit) {
      throw error("unexpected end");
    }
    return bytes[pos++] & 0xFF;
  }

  /** Unsigned LEB128 of at most 32 bits: at most 5 bytes, unused bits of the last byte zero. */
  int u32() {
    int start = pos;
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = u8();
      if (shift == 28 && (b & 0x70) != 0) {
        throw error("u32 LEB128 out of range", start);
      }
      result |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw error("u32 LEB128 too long", start);
  }

  /** A u32 used as a count or length of items of at least {@code minItemBytes} each; checked against the bytes left. */
  int count(int minItemBytes, int cap, String what) {
    int start = pos;
    long n = u32() & 0xFFFFFFFFL;
    if (n > cap) {
      throw error(what + " " + n + " exceeds the cap of " + cap, start);
    }
    if (n * minItemBytes > remaining()) {
      throw error(what + " " + n + " exceeds the remaining " + remaining() + " bytes", start);
    }
    return (int) n;
  }

  /** Signed LEB128 of {@code bits} bits (32, 33 or 64); the unused bits of the last byte must extend the sign. */
  long signed(int bits) {
    int start = pos;
    long result = 0;
    int shift = 0;
    int maxBytes = (bits + 6) / 7;
    for (int i = 0; i < maxBytes; i++) {
      int b = u8();
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        if (i == maxBytes - 1) {
          checkLastSigned(b, bits - 7 * i, start);
        }
        return shift < 64 && (b & 0x40) != 0 ? result | (-1L << shift) : result;
      }
    }
    throw error("s" + bits + " LEB128 too long", start);
  }

  private void checkLastSigned(int b, int usedBits, int start) {
    // The last byte holds usedBits value bits; the rest of its 7 bits must all equal the sign bit.
    int sign = (b >> (usedBits - 1)) & 1;
    int unused = b >> usedBits;
    int expected = sign == 0 ? 0 : (0x7F >> usedBits);
    if (unused != expected) {
      throw error("signed LEB128 out of range", start);
    }
  }

  /** Unsigned LEB128 of at most 64 bits (memory64 limits and offsets). */
  long u64() {
    int start = pos;
    long result = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = u8();
      if (shift == 63 && (b & 0x7E) != 0) {
        throw error("u64 LEB128 out of range", start);
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw error("u64 LEB128 too long", start);
  }

  void skip(int n) {
    if (n < 0 || n > remaining()) {
      throw error("length " + (n & 0xFFFFFFFFL) + " exceeds the remaining " + remaining() + " bytes");
    }
    pos += n;
  }

  /** A length-prefixed UTF-8 name of at most {@code cap} bytes. */
  String name(int cap) {
    int len = count(1, cap, "name length");
    ByteBuffer slice = ByteBuffer.wrap(bytes, pos, len);
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(slice).toString();
      pos += len;
      return s;
    } catch (CharacterCodingException e) {
      throw error("name is not valid UTF-8");
    }
  }
}
