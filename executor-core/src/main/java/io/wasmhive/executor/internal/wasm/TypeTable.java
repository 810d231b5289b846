package io.wasmhive.executor.internal.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The module's function types plus those the instrumenter appends; reuses an existing identical type. */
final class TypeTable {

  static final byte I32 = 0x7F, I64 = 0x7E;

  private final List<byte[]> existing;
  private final List<byte[]> added = new ArrayList<>();

  TypeTable(List<byte[]> existing) {
    this.existing = existing;
  }

  /** The index of the type {@code params -> results}, appending it if the module lacks it. */
  int index(byte[] params, byte[] results) {
    ByteSink s = new ByteSink(8);
    s.u8(0x60);
    s.u32(params.length);
    s.bytes(params);
    s.u32(results.length);
    s.bytes(results);
    byte[] encoded = s.toArray();
    for (int i = 0; i < existing.size(); i++) {
      if (Arrays.equals(existing.get(i), encoded)) {
        return i;
      }
    }
    for (int i = 0; i < added.size(); i++) {
      if (Arrays.equals(added.get(i), encoded)) {
        return existing.size() + i;
      }
    }
    added.add(encoded);
    return existing.size() + added.size() - 1;
  }

  List<byte[]> added() {
    return added;
  }

  /** The parameter types of an encoded function type ({@code 0x60 params results}). */
  static byte[] params(byte[] type) {
    return vector(type, 1);
  }

  /** The result types of an encoded function type. */
  static byte[] results(byte[] type) {
    return vector(type, 1 + skip(type, 1));
  }

  /** A value-type vector at {@code at}; value types allowed by the parser are one byte each. */
  private static byte[] vector(byte[] type, int at) {
    WasmReader r = new WasmReader(type);
    r.pos(at);
    int n = r.u32();
    return Arrays.copyOfRange(type, r.pos(), r.pos() + n);
  }

  /** Bytes taken by the vector at {@code at}, count included. */
  private static int skip(byte[] type, int at) {
    WasmReader r = new WasmReader(type);
    r.pos(at);
    int n = r.u32();
    return r.pos() - at + n;
  }
}
