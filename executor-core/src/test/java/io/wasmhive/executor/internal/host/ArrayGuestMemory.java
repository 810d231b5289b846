package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A byte-array guest memory for tests, bounds-checked like a real engine's (unsigned 32-bit addresses). */
final class ArrayGuestMemory implements GuestMemory {

  private final byte[] bytes;
  private final ByteBuffer view;

  ArrayGuestMemory(int size) {
    bytes = new byte[size];
    view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public byte[] read(int address, int length) {
    int from = check(address, length);
    return Arrays.copyOfRange(bytes, from, from + length);
  }

  @Override
  public void read(int address, byte[] into, int offset, int length) {
    System.arraycopy(bytes, check(address, length), into, offset, length);
  }

  @Override
  public void write(int address, byte[] data) {
    write(address, data, 0, data.length);
  }

  @Override
  public void write(int address, byte[] data, int offset, int length) {
    System.arraycopy(data, offset, bytes, check(address, length), length);
  }

  @Override
  public int readI32(int address) {
    return view.getInt(check(address, 4));
  }

  @Override
  public void writeI32(int address, int value) {
    view.putInt(check(address, 4), value);
  }

  @Override
  public long readI64(int address) {
    return view.getLong(check(address, 8));
  }

  @Override
  public void writeI64(int address, long value) {
    view.putLong(check(address, 8), value);
  }

  private int check(int address, long length) {
    long start = Integer.toUnsignedLong(address);
    if (length < 0 || start + length > bytes.length) {
      throw new GuestMemoryAccessException("out of bounds: " + start + "+" + length);
    }
    return (int) start;
  }
}
