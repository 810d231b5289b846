package io.wasmhive.platform.ipfs.internal;

import java.util.Arrays;

/** Writes protobuf fields in the order they are called, into a growing array. Not thread-safe. */
public final class ProtoWriter {

  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;

  private byte[] buffer;
  private int size;

  /** A writer with room for {@code capacity} bytes before it grows. */
  public ProtoWriter(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  /** Writes a varint field. */
  public ProtoWriter varint(int field, long value) {
    rawVarint((long) field << 3 | VARINT);
    return rawVarint(value);
  }

  /** Writes a length-delimited field holding {@code bytes}. */
  public ProtoWriter bytes(int field, byte[] bytes) {
    rawVarint((long) field << 3 | LENGTH_DELIMITED);
    rawVarint(bytes.length);
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  private ProtoWriter rawVarint(long value) {
    ensure(Varint.MAX_BYTES + 1);
    size = Varint.write(value, buffer, size);
    return this;
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }

  /** The bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}
