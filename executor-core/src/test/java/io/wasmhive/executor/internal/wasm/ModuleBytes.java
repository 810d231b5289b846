package io.wasmhive.executor.internal.wasm;

import java.io.ByteArrayOutputStream;

/** Builds tiny modules byte by byte for parser tests; values are given as ints for readability. */
final class ModuleBytes {

  private ModuleBytes() {
  }

  /** The header followed by the given sections. */
  static byte[] module(byte[]... sections) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    for (byte[] s : sections) {
      out.writeBytes(s);
    }
    return out.toByteArray();
  }

  /** A section with its size computed. */
  static byte[] section(int id, int... payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(id);
    out.writeBytes(ByteSink.leb(payload.length));
    for (int b : payload) {
      out.write(b);
    }
    return out.toByteArray();
  }

  /** Type 0 is {@code () -> ()}. */
  static byte[] voidType() {
    return section(1, 1, 0x60, 0, 0);
  }

  /** A function section declaring one function of type 0. */
  static byte[] oneFunction() {
    return section(3, 1, 0);
  }

  /** A code section with one body: no locals, {@code code}, then {@code end}. */
  static byte[] code(int... code) {
    int[] payload = new int[code.length + 5];
    int size = code.length + 2;
    payload[0] = 1;
    payload[1] = size;
    payload[2] = 0;
    System.arraycopy(code, 0, payload, 3, code.length);
    payload[3 + code.length] = 0x0B;
    return section(10, java.util.Arrays.copyOf(payload, code.length + 4));
  }

  /** A module of one {@code () -> ()} function whose body is {@code code}. */
  static byte[] function(int... code) {
    return module(voidType(), oneFunction(), code(code));
  }

  /** A memory section of one memory with the given limit bytes (flags first). */
  static byte[] memory(int... limits) {
    int[] payload = new int[limits.length + 1];
    payload[0] = 1;
    System.arraycopy(limits, 0, payload, 1, limits.length);
    return section(5, payload);
  }
}
