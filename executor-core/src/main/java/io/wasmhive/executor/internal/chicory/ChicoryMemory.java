package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.runtime.Memory;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;

/** Guest memory over Chicory's {@link Memory}, bounds-checked against its current size. Not thread-safe. */
final class ChicoryMemory implements GuestMemory {

  private final Memory memory;

  ChicoryMemory(Memory memory) {
    this.memory = memory;
  }

  private int check(int address, long length) {
    long start = Integer.toUnsignedLong(address);
    long size = size();
    if (length < 0 || start + length > size) {
      throw new GuestMemoryAccessException("guest memory access out of bounds: address " + start
          + ", length " + length + ", memory size " + size);
    }
    return (int) start;
  }

  @Override
  public long size() {
    return (long) memory.pages() * Memory.PAGE_SIZE;
  }

  @Override
  public byte[] read(int address, int length) {
    return memory.readBytes(check(address, length), length);
  }

  @Override
  public void read(int address, byte[] into, int offset, int length) {
    int start = check(address, length);
    if (offset < 0 || offset + length > into.length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + into.length);
    }
    // Chicory has no read into a caller's array; one copy of the guest's bytes is what it offers.
    System.arraycopy(memory.readBytes(start, length), 0, into, offset, length);
  }

  @Override
  public void write(int address, byte[] data) {
    write(address, data, 0, data.length);
  }

  @Override
  public void write(int address, byte[] data, int offset, int length) {
    memory.write(check(address, length), data, offset, length);
  }

  @Override
  public int readI32(int address) {
    return memory.readInt(check(address, 4));
  }

  @Override
  public void writeI32(int address, int value) {
    memory.writeI32(check(address, 4), value);
  }

  @Override
  public long readI64(int address) {
    return memory.readLong(check(address, 8));
  }

  @Override
  public void writeI64(int address, long value) {
    memory.writeLong(check(address, 8), value);
  }
}
