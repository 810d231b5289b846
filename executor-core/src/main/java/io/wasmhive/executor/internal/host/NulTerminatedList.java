package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.engine.GuestMemory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** argv or environ as WASI lays them out: an array of pointers into one buffer of NUL-terminated strings. */
final class NulTerminatedList {

  private final int[] offsets;
  private final byte[] buffer;

  NulTerminatedList(List<String> values) {
    offsets = new int[values.size()];
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = out.size();
      out.writeBytes(values.get(i).getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    buffer = out.toByteArray();
  }

  /** {@code *_sizes_get}: the count and the buffer size, NUL terminators included. */
  int sizes(CallArgs args) {
    GuestMemory memory = args.memory();
    memory.writeI32(args.i32(0), offsets.length);
    memory.writeI32(args.i32(1), buffer.length);
    return Errno.SUCCESS;
  }

  /** {@code *_get}: the pointer array at argument 0, the strings at argument 1. */
  int get(CallArgs args) {
    GuestMemory memory = args.memory();
    int pointers = args.i32(0);
    int strings = args.i32(1);
    memory.write(strings, buffer);
    for (int i = 0; i < offsets.length; i++) {
      // int arithmetic wraps like wasm32 addresses; the memory rejects whatever falls outside.
      memory.writeI32(pointers + 4 * i, strings + offsets[i]);
    }
    return Errno.SUCCESS;
  }
}
