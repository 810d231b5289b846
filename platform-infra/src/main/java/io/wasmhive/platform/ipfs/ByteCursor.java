package io.wasmhive.platform.ipfs;

import io.wasmhive.platform.ipfs.internal.Varint;
import java.util.Arrays;

/** A read position in a byte array, for decoding varints and length-prefixed fields. Not thread-safe. */
final class ByteCursor {

  private final byte[] bytes;
  private final int end;
  private int pos;

  /** Reads {@code bytes[offset, offset + length)}. */
  public ByteCursor(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.pos = offset;
    this.end = offset + length;
  }

  /** Reads all of {@code bytes}. */
  public ByteCursor(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** An independent cursor at the same position, for looking ahead. */
  public ByteCursor copy() {
    ByteCursor copy = new ByteCursor(bytes, pos, end - pos);
    return copy;
  }

  /** The current position in the array. */
  public int position() {
    return pos;
  }

  /** The bytes left to read. */
  public int remaining() {
    return end - pos;
  }

  /** Whether all bytes have been read. */
  public boolean done() {
    return pos >= end;
  }

  /** The next byte, unsigned. */
  public int readByte() {
    if (pos >= end) {
      throw new MalformedDataException("unexpected end of data");
    }
    return bytes[pos++] & 0xFF;
  }

  /** The next minimal varint of at most 9 bytes. */
  public long readVarint() {
    long value = 0;
    for (int i = 0; i < Varint.MAX_BYTES; i++) {
      if (pos >= end) {
        throw new MalformedDataException("data ends inside a varint");
      }
      int b = bytes[pos++] & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return VarintReader.checkMinimal(b, i, value);
      }
    }
    throw new MalformedDataException("varint longer than " + Varint.MAX_BYTES + " bytes");
  }

  /** A varint that must fit an int, for lengths. */
  public int readLength() {
    long length = readVarint();
    if (length > remaining()) {
      throw new MalformedDataException("length " + length + " exceeds the " + remaining() + " bytes left");
    }
    return (int) length;
  }

  /** The next {@code n} bytes, copied. */
  public byte[] readBytes(int n) {
    if (n < 0 || n > remaining()) {
      throw new MalformedDataException("needs " + n + " bytes, " + remaining() + " left");
    }
    byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
    pos += n;
    return out;
  }
}
