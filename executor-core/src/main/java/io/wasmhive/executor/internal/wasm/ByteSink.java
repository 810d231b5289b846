package io.wasmhive.executor.internal.wasm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the LEB128 writers the binary format needs. Not thread-safe. */
final class ByteSink {

  private byte[] buf;
  private int size;

  ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  void u8(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void bytes(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, size, len);
    size += len;
  }

  void bytes(byte[] src) {
    bytes(src, 0, src.length);
  }

  void sink(ByteSink other) {
    bytes(other.buf, 0, other.size);
  }

  /** Unsigned LEB128 of an unsigned 32-bit value. */
  void u32(int value) {
    ensure(5);
    long v = value & 0xFFFFFFFFL;
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      buf[size++] = (byte) (v == 0 ? b : b | 0x80);
    } while (v != 0);
  }

  /** Signed LEB128 of a 64-bit value. */
  void s64(long value) {
    ensure(10);
    while (true) {
      int b = (int) (value & 0x7F);
      value >>= 7;
      boolean done = value == 0 && (b & 0x40) == 0 || value == -1 && (b & 0x40) != 0;
      buf[size++] = (byte) (done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }

  /** A length-prefixed UTF-8 name. */
  void name(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    u32(utf8.length);
    bytes(utf8);
  }

  /** A section: id, payload length, payload. */
  void section(int id, ByteSink payload) {
    u8(id);
    u32(payload.size);
    sink(payload);
  }

  /** Encodes an unsigned 32-bit LEB128 on its own, for splicing into code. */
  static byte[] leb(int value) {
    ByteSink s = new ByteSink(5);
    s.u32(value);
    return s.toArray();
  }
}
