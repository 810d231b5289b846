package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes a WASI {@code filestat} (64 bytes). Timestamps are always 0, so they never differ between runs. */
final class Filestat {

  private static final int SIZE = 64;

  private Filestat() {
  }

  static void write(GuestMemory memory, int address, long inode, byte filetype, long size) {
    ByteBuffer stat = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
    stat.putLong(8, inode).put(16, filetype).putLong(24, 1).putLong(32, size);
    memory.write(address, stat.array());
  }
}
