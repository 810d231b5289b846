package io.wasmhive.executor.internal.wasmtime;

import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Supplier;

/**
 * Guest memory over the direct buffer Wasmtime exposes. Fetching the buffer is a JNI call of a few
 * microseconds, so it is kept until {@link #invalidate()}, which callers invoke whenever guest code may
 * have run (and so grown, and moved, the memory) since.
 */
final class BufferMemory implements GuestMemory {

  private final Supplier<ByteBuffer> buffers;
  private ByteBuffer cached;

  BufferMemory(Supplier<ByteBuffer> buffers) {
    this.buffers = buffers;
  }

  /** Forgets the cached buffer; the next access fetches it again. */
  void invalidate() {
    cached = null;
  }

  private ByteBuffer buffer() {
    if (cached == null) {
      cached = buffers.get().order(ByteOrder.LITTLE_ENDIAN);
    }
    return cached;
  }

  private static int check(ByteBuffer buf, int address, long length) {
    long start = Integer.toUnsignedLong(address);
    if (length < 0 || start + length > buf.capacity()) {
      throw new GuestMemoryAccessException("guest memory access out of bounds: address " + start
          + ", length " + length + ", memory size " + buf.capacity());
    }
    return (int) start;
  }

  @Override
  public long size() {
    return buffer().capacity();
  }

  @Override
  public byte[] read(int address, int length) {
    ByteBuffer buf = buffer();
    int start = check(buf, address, length);
    byte[] out = new byte[length];
    buf.get(start, out, 0, length);
    return out;
  }

  @Override
  public void read(int address, byte[] into, int offset, int length) {
    ByteBuffer buf = buffer();
    buf.get(check(buf, address, length), into, offset, length);
  }

  @Override
  public void write(int address, byte[] data) {
    write(address, data, 0, data.length);
  }

  @Override
  public void write(int address, byte[] data, int offset, int length) {
    ByteBuffer buf = buffer();
    int start = check(buf, address, length);
    buf.put(start, data, offset, length);
  }

  @Override
  public int readI32(int address) {
    ByteBuffer buf = buffer();
    return buf.getInt(check(buf, address, 4));
  }

  @Override
  public void writeI32(int address, int value) {
    ByteBuffer buf = buffer();
    buf.putInt(check(buf, address, 4), value);
  }

  @Override
  public long readI64(int address) {
    ByteBuffer buf = buffer();
    return buf.getLong(check(buf, address, 8));
  }

  @Override
  public void writeI64(int address, long value) {
    ByteBuffer buf = buffer();
    buf.putLong(check(buf, address, 8), value);
  }
}
