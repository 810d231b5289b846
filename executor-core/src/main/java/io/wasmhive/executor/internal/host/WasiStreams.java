package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;

/** WASI {@code fd_read} and {@code fd_write}: scatter and gather through iovec arrays. */
final class WasiStreams {

  /** The most iovecs per call, as POSIX {@code IOV_MAX} on Linux; wasi-libc never passes more. */
  static final int MAX_IOVECS = 1024;

  private final FdTable fds;

  WasiStreams(FdTable fds) {
    this.fds = fds;
  }

  void register(FunctionTable table) {
    table.wasi("fd_read", this::fdRead);
    table.wasi("fd_write", this::fdWrite);
  }

  /**
   * Reads into each iovec in turn, straight from the descriptor's bytes into guest memory: the work is what
   * there is to read, never the length the guest asks for.
   */
  private int fdRead(CallArgs args) {
    Descriptor descriptor = fds.get(args.i32(0));
    GuestMemory memory = args.memory();
    int iovs = args.i32(1);
    long count = iovecCount(args.u32(2));
    long total = 0;
    for (int i = 0; i < count; i++) {
      int buffer = memory.readI32(iovs + 8 * i);
      long length = Integer.toUnsignedLong(memory.readI32(iovs + 8 * i + 4));
      long wanted = Math.min(length, descriptor.readable());
      // Check the buffer before reading, so a bad pointer does not swallow input.
      CallArgs.requireInBounds(memory, buffer, wanted);
      long read = descriptor.readInto(memory, buffer, wanted);
      total += read;
      if (read < length) {
        break;
      }
    }
    memory.writeI32(args.i32(3), (int) total);
    return Errno.SUCCESS;
  }

  /**
   * Writes each iovec in turn, straight from guest memory to the descriptor, which checks its budget first
   * ({@link Descriptor#writeFrom}). A failure after some bytes went out reports the bytes written, like a
   * short POSIX write; the output limit instead ends the execution ({@link OutputSink#writeFrom}).
   */
  private int fdWrite(CallArgs args) {
    Descriptor descriptor = fds.get(args.i32(0));
    GuestMemory memory = args.memory();
    int iovs = args.i32(1);
    long count = iovecCount(args.u32(2));
    long total = 0;
    for (int i = 0; i < count; i++) {
      int buffer = memory.readI32(iovs + 8 * i);
      long length = Integer.toUnsignedLong(memory.readI32(iovs + 8 * i + 4));
      try {
        CallArgs.requireInBounds(memory, buffer, length);
        descriptor.writeFrom(memory, buffer, length);
      } catch (WasiError | GuestMemoryAccessException e) {
        if (total == 0) {
          throw e;
        }
        break;
      }
      total += length;
    }
    memory.writeI32(args.i32(3), (int) total);
    return Errno.SUCCESS;
  }

  private static long iovecCount(long count) {
    if (count > MAX_IOVECS) {
      throw new WasiError(Errno.INVAL);
    }
    return count;
  }
}
