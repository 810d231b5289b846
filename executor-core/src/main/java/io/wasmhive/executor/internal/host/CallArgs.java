package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.HostCall;
import java.nio.charset.StandardCharsets;

/** The raw arguments of one host call, typed, with the caller's memory fetched only when needed. */
final class CallArgs {

  /** Paths longer than this are refused before they are copied out of guest memory. */
  static final int MAX_PATH_BYTES = 4096;

  private final HostCall call;
  private final long[] raw;
  private GuestMemory memory;

  CallArgs(HostCall call, long[] raw) {
    this.call = call;
    this.raw = raw;
  }

  int i32(int index) {
    return (int) raw[index];
  }

  /** An i32 argument read as the unsigned number WASI means by {@code size}. */
  long u32(int index) {
    return Integer.toUnsignedLong((int) raw[index]);
  }

  long i64(int index) {
    return raw[index];
  }

  /** The caller's memory; fails with a guest memory error (EFAULT) when the instance exports none. */
  GuestMemory memory() {
    if (memory == null) {
      memory = call.memory();
    }
    return memory;
  }

  /** Reads the UTF-8 path whose pointer and length are the arguments at those indexes. */
  String path(int pointerIndex, int lengthIndex) {
    long length = u32(lengthIndex);
    if (length > MAX_PATH_BYTES) {
      throw new WasiError(Errno.NAMETOOLONG);
    }
    String path = new String(memory().read(i32(pointerIndex), (int) length), StandardCharsets.UTF_8);
    if (path.indexOf('\0') >= 0) {
      throw new WasiError(Errno.INVAL);
    }
    return path;
  }

  /** Fails with EFAULT unless {@code length} bytes from the unsigned {@code address} lie inside {@code memory}. */
  static void requireInBounds(GuestMemory memory, int address, long length) {
    if (length < 0 || Integer.toUnsignedLong(address) + length > memory.size()) {
      throw new WasiError(Errno.FAULT);
    }
  }
}
