package io.wasmhive.platform.ipfs.internal;

/**
 * Unsigned LEB128 varints as multiformats and protobuf use them, written. Multiformats allows at most 9 bytes (63
 * bits) and only the minimal encoding, which is what these write; {@code ipfs}'s readers enforce both on input.
 * Stateless and thread-safe.
 */
public final class Varint {

  /** The longest varint multiformats allows. */
  public static final int MAX_BYTES = 9;

  private Varint() {
  }

  /** The number of bytes {@code value} (non-negative) takes. */
  public static int size(long value) {
    int size = 1;
    while ((value >>>= 7) != 0) {
      size++;
    }
    return size;
  }

  /** Writes {@code value} (non-negative) at {@code pos} and returns the position after it. */
  public static int write(long value, byte[] out, int pos) {
    if (value < 0) {
      throw new IllegalArgumentException("negative varint " + value);
    }
    while ((value & ~0x7FL) != 0) {
      out[pos++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[pos++] = (byte) value;
    return pos;
  }

  /** {@code value} as a varint in a new array. */
  public static byte[] encode(long value) {
    byte[] out = new byte[size(value)];
    write(value, out, 0);
    return out;
  }
}
