package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * Chicory's page-array memory with a record of the pages written since a checkpoint, so that a reset copies
 * back only those. Every write marks its pages before it happens (a failed write marks too much, never too
 * little); a grow or a dropped segment makes the memory unrestorable. Not thread-safe (one instance's memory,
 * used by the thread running it); shared memories are never tracked.
 */
final class TrackedMemory implements Memory {

  private static final int SHIFT = 16;

  private final ByteArrayMemory memory;
  private byte[][] checkpoint;
  private boolean[] dirty;
  private int[] dirtyPages;
  private int dirtyCount;
  private boolean unrestorable;

  TrackedMemory(MemoryLimits limits) {
    this.memory = new ByteArrayMemory(limits);
  }

  /** Records the present contents (only pages holding a non-zero byte) and starts tracking writes. */
  void checkpoint() {
    int pages = memory.pages();
    checkpoint = new byte[pages][];
    for (int p = 0; p < pages; p++) {
      byte[] page = memory.readBytes(p << SHIFT, PAGE_SIZE);
      checkpoint[p] = isZero(page) ? null : page;
    }
    dirty = new boolean[pages];
    dirtyPages = new int[pages];
    dirtyCount = 0;
    unrestorable = false;
  }

  /** Copies the checkpoint back into every page written since; false when that cannot restore it exactly. */
  boolean restore() {
    if (checkpoint == null || unrestorable || memory.pages() != checkpoint.length) {
      return false;
    }
    for (int i = 0; i < dirtyCount; i++) {
      int p = dirtyPages[i];
      byte[] saved = checkpoint[p];
      if (saved == null) {
        memory.fill((byte) 0, p << SHIFT, (p + 1) << SHIFT);
      } else {
        memory.write(p << SHIFT, saved, 0, PAGE_SIZE);
      }
      dirty[p] = false;
    }
    dirtyCount = 0;
    return true;
  }

  private static boolean isZero(byte[] page) {
    for (byte b : page) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Marks the pages of {@code [addr, addr + len)} (addresses unsigned) as written. */
  private void mark(int addr, long len) {
    if (dirty == null || len <= 0) {
      return;
    }
    long first = Integer.toUnsignedLong(addr) >>> SHIFT;
    long last = (Integer.toUnsignedLong(addr) + len - 1) >>> SHIFT;
    if (last >= dirty.length) {
      // Past the checkpoint's pages: only possible after a grow, which restore() refuses anyway.
      unrestorable = true;
      last = dirty.length - 1L;
    }
    for (long p = first; p <= last; p++) {
      if (!dirty[(int) p]) {
        dirty[(int) p] = true;
        dirtyPages[dirtyCount++] = (int) p;
      }
    }
  }

  @Override
  public int pages() {
    return memory.pages();
  }

  @Override
  public int grow(int size) {
    int old = memory.grow(size);
    if (old >= 0 && size != 0) {
      unrestorable = true;
    }
    return old;
  }

  @Override
  public int initialPages() {
    return memory.initialPages();
  }

  @Override
  public int maximumPages() {
    return memory.maximumPages();
  }

  @Override
  public boolean shared() {
    return memory.shared();
  }

  @Override
  @SuppressWarnings("removal")
  public Object lock(int address) {
    return memory.lock(address);
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, int expected, long timeout) {
    return memory.waitOn(address, expected, timeout);
  }

  @Override
  @SuppressWarnings("removal")
  public int waitOn(int address, long expected, long timeout) {
    return memory.waitOn(address, expected, timeout);
  }

  @Override
  @SuppressWarnings("removal")
  public int notify(int address, int maxThreads) {
    return memory.notify(address, maxThreads);
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments) {
    memory.initialize(instance, dataSegments);
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
    memory.initialize(instance, dataSegments, memoryIndex);
  }

  @Override
  public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
    mark(dest, size);
    memory.initPassiveSegment(segmentId, dest, offset, size);
  }

  @Override
  public void write(int addr, byte[] data, int offset, int size) {
    mark(addr, size);
    memory.write(addr, data, offset, size);
  }

  @Override
  public byte read(int addr) {
    return memory.read(addr);
  }

  @Override
  public byte[] readBytes(int addr, int len) {
    return memory.readBytes(addr, len);
  }

  @Override
  public void writeI32(int addr, int data) {
    mark(addr, 4);
    memory.writeI32(addr, data);
  }

  @Override
  public int readInt(int addr) {
    return memory.readInt(addr);
  }

  @Override
  public void writeLong(int addr, long data) {
    mark(addr, 8);
    memory.writeLong(addr, data);
  }

  @Override
  public long readLong(int addr) {
    return memory.readLong(addr);
  }

  @Override
  public void writeShort(int addr, short data) {
    mark(addr, 2);
    memory.writeShort(addr, data);
  }

  @Override
  public short readShort(int addr) {
    return memory.readShort(addr);
  }

  @Override
  public long readU16(int addr) {
    return memory.readU16(addr);
  }

  @Override
  public void writeByte(int addr, byte data) {
    mark(addr, 1);
    memory.writeByte(addr, data);
  }

  @Override
  public void writeF32(int addr, float data) {
    mark(addr, 4);
    memory.writeF32(addr, data);
  }

  @Override
  public long readF32(int addr) {
    return memory.readF32(addr);
  }

  @Override
  public float readFloat(int addr) {
    return memory.readFloat(addr);
  }

  @Override
  public void writeF64(int addr, double data) {
    mark(addr, 8);
    memory.writeF64(addr, data);
  }

  @Override
  public double readDouble(int addr) {
    return memory.readDouble(addr);
  }

  @Override
  public long readF64(int addr) {
    return memory.readF64(addr);
  }

  @Override
  public void zero() {
    mark(0, (long) memory.pages() << SHIFT);
    memory.zero();
  }

  @Override
  public void fill(byte value, int fromIndex, int toIndex) {
    mark(fromIndex, (long) toIndex - fromIndex);
    memory.fill(value, fromIndex, toIndex);
  }

  @Override
  public void copy(int dest, int src, int size) {
    mark(dest, size);
    memory.copy(dest, src, size);
  }

  @Override
  public void drop(int segment) {
    unrestorable = true;
    memory.drop(segment);
  }
}
