package io.wasmhive.executor.internal.wasm;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles small modules for validator tests: sections are given as raw entry bytes and emitted in the
 * binary format's order with their counts and sizes computed. Values are ints for readability.
 */
final class TinyModule {

  static final int I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, FUNCREF = 0x70, EXTERNREF = 0x6F;

  private final List<byte[]> types = new ArrayList<>();
  private final List<byte[]> imports = new ArrayList<>();
  private final List<byte[]> functions = new ArrayList<>();
  private final List<byte[]> tables = new ArrayList<>();
  private final List<byte[]> memories = new ArrayList<>();
  private final List<byte[]> globals = new ArrayList<>();
  private final List<byte[]> exports = new ArrayList<>();
  private final List<byte[]> elements = new ArrayList<>();
  private final List<byte[]> codes = new ArrayList<>();
  private final List<byte[]> datas = new ArrayList<>();
  private int start = -1;
  private int dataCount = -1;

  /** Adds the type {@code params -> results}. */
  TinyModule type(int[] params, int... results) {
    ByteSink s = new ByteSink(8);
    s.u8(0x60);
    s.u32(params.length);
    for (int p : params) {
      s.u8(p);
    }
    s.u32(results.length);
    for (int r : results) {
      s.u8(r);
    }
    types.add(s.toArray());
    return this;
  }

  /** Defines a function of type {@code type} with no locals and {@code code} (the final {@code end} is added). */
  TinyModule func(int type, int... code) {
    return funcWithLocals(type, new int[0], code);
  }

  /** As {@link #func}, with locals given as {@code count, type} pairs. */
  TinyModule funcWithLocals(int type, int[] locals, int... code) {
    functions.add(bytes(type));
    ByteSink body = new ByteSink(code.length + 8);
    body.u32(locals.length / 2);
    for (int i = 0; i < locals.length; i += 2) {
      body.u32(locals[i]);
      body.u8(locals[i + 1]);
    }
    for (int b : code) {
      body.u8(b);
    }
    body.u8(0x0B);
    ByteSink sized = new ByteSink(body.size() + 5);
    sized.u32(body.size());
    sized.sink(body);
    codes.add(sized.toArray());
    return this;
  }

  TinyModule importFunc(String module, String name, int type) {
    ByteSink s = new ByteSink(16);
    s.name(module);
    s.name(name);
    s.u8(0);
    s.u32(type);
    imports.add(s.toArray());
    return this;
  }

  TinyModule table(int refType, int min, Integer max) {
    ByteSink s = new ByteSink(12);
    s.u8(refType);
    limits(s, min, max);
    tables.add(s.toArray());
    return this;
  }

  TinyModule memory(int min, Integer max) {
    ByteSink s = new ByteSink(12);
    limits(s, min, max);
    memories.add(s.toArray());
    return this;
  }

  private static void limits(ByteSink s, int min, Integer max) {
    s.u8(max == null ? 0 : 1);
    s.u32(min);
    if (max != null) {
      s.u32(max);
    }
  }

  /** A global: type, mutability, then the initialiser's bytes (the final {@code end} is added). */
  TinyModule global(int type, boolean mutable, int... init) {
    int[] all = new int[init.length + 3];
    all[0] = type;
    all[1] = mutable ? 1 : 0;
    System.arraycopy(init, 0, all, 2, init.length);
    all[all.length - 1] = 0x0B;
    globals.add(bytes(all));
    return this;
  }

  TinyModule export(String name, int kind, int index) {
    ByteSink s = new ByteSink(16);
    s.name(name);
    s.u8(kind);
    s.u32(index);
    exports.add(s.toArray());
    return this;
  }

  /** An element segment's raw bytes (flags first). */
  TinyModule elem(int... raw) {
    elements.add(bytes(raw));
    return this;
  }

  /** A data segment's raw bytes (flags first). */
  TinyModule data(int... raw) {
    datas.add(bytes(raw));
    return this;
  }

  TinyModule start(int function) {
    start = function;
    return this;
  }

  TinyModule dataCount(int n) {
    dataCount = n;
    return this;
  }

  byte[] build() {
    ByteSink out = new ByteSink(256);
    out.bytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
    vector(out, 1, types);
    vector(out, 2, imports);
    vector(out, 3, functions);
    vector(out, 4, tables);
    vector(out, 5, memories);
    vector(out, 6, globals);
    vector(out, 7, exports);
    if (start >= 0) {
      ByteSink p = new ByteSink(5);
      p.u32(start);
      out.section(8, p);
    }
    vector(out, 9, elements);
    if (dataCount >= 0) {
      ByteSink p = new ByteSink(5);
      p.u32(dataCount);
      out.section(12, p);
    }
    vector(out, 10, codes);
    vector(out, 11, datas);
    return out.toArray();
  }

  private static void vector(ByteSink out, int id, List<byte[]> entries) {
    if (entries.isEmpty()) {
      return;
    }
    ByteSink p = new ByteSink(64);
    p.u32(entries.size());
    entries.forEach(p::bytes);
    out.section(id, p);
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static int[] params(int... types) {
    return types;
  }
}
