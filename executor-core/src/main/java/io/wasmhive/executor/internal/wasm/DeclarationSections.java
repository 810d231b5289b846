package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/** Decodes the sections that declare things: types, imports, functions, tables, memories, globals, tags. */
final class DeclarationSections {

  /** The most pages a 32-bit memory may declare: 4 GiB. */
  private static final long MAX_PAGES = 65_536;

  private final WasmReader r;
  private final FeatureGate gate;
  private final ModuleBuilder m;
  private final ConstExpressions constants;

  DeclarationSections(WasmReader reader, FeatureGate gate, ModuleBuilder module, ConstExpressions constants) {
    this.r = reader;
    this.gate = gate;
    this.m = module;
    this.constants = constants;
  }

  void types() {
    int n = r.count(3, StructureCaps.MAX_TYPES, "type count");
    for (int i = 0; i < n; i++) {
      int start = r.pos();
      if (r.u8() != 0x60) {
        throw r.error("unsupported type form", start);
      }
      List<ValueType> params = new ArrayList<>();
      List<ValueType> results = new ArrayList<>();
      int paramsAt = r.pos();
      boolean numeric = valueTypes("parameter count", params) == params.size();
      int resultsAt = r.pos();
      int resultCount = valueTypes("result count", results);
      if (resultCount > 1) {
        gate.require(WasmFeature.MULTI_VALUE, start, "function type " + i + " with " + resultCount + " results");
      }
      numeric &= resultCount == results.size();
      m.addType(Arrays.copyOfRange(r.bytes(), start, r.pos()), vector(paramsAt, resultsAt),
          vector(resultsAt, r.pos()), numeric ? new FuncSignature(params, results) : null);
    }
  }

  /** The value types of the vector encoded in {@code [from, to)}: its count's LEB128, then one byte each. */
  private byte[] vector(int from, int to) {
    int count = to - from;
    int lebBytes = 1;
    while ((r.bytes()[from + lebBytes - 1] & 0x80) != 0) {
      lebBytes++;
    }
    return count == lebBytes ? ValTypes.NONE : Arrays.copyOfRange(r.bytes(), from + lebBytes, to);
  }

  /** Reads a vector of value types, adding the number types to {@code types}; returns the vector's length. */
  private int valueTypes(String what, List<ValueType> types) {
    int n = r.count(1, StructureCaps.MAX_PARAMS, what);
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      int t = r.u8();
      gate.valType(t, at);
      switch (t) {
        case 0x7F -> types.add(ValueType.I32);
        case 0x7E -> types.add(ValueType.I64);
        case 0x7D -> types.add(ValueType.F32);
        case 0x7C -> types.add(ValueType.F64);
        default -> { }
      }
    }
    return n;
  }

  void imports() {
    int n = r.count(4, StructureCaps.MAX_IMPORTS, "import count");
    for (int i = 0; i < n; i++) {
      String module = r.name(StructureCaps.MAX_NAME_BYTES);
      String name = r.name(StructureCaps.MAX_NAME_BYTES);
      WasmParser.checkNotReserved(r, module + "." + name, name);
      int at = r.pos();
      ExternKind kind = kind(r.u8(), at);
      FuncSignature signature = null;
      switch (kind) {
        case FUNC -> {
          int type = typeIndex();
          m.addFunction(type);
          m.importedFunctions++;
          signature = m.signatures.get(type);
        }
        case TABLE -> table(true);
        case MEMORY -> memory(true);
        case GLOBAL -> {
          int typeAt = r.pos();
          byte type = (byte) r.u8();
          gate.valType(type, typeAt);
          boolean mutable = mutability();
          if (mutable) {
            gate.require(WasmFeature.MUTABLE_GLOBALS, at, "an import of mutable global " + module + "." + name);
          }
          m.addGlobal(type, mutable);
          m.importedGlobals++;
        }
        case TAG -> tag();
        default -> throw new IllegalStateException();
      }
      m.imports.add(new ImportEntry(module, name, kind, signature));
    }
  }

  ExternKind kind(int b, int at) {
    if (b > 4) {
      throw r.error("invalid external kind " + b, at);
    }
    if (b == 4) {
      gate.require(WasmFeature.EXCEPTIONS, at, "exception tag import or export");
    }
    return ExternKind.values()[b];
  }

  int typeIndex() {
    int at = r.pos();
    int type = r.u32();
    if (type < 0 || type >= m.rawTypes.size()) {
      throw r.error("type index " + Integer.toUnsignedString(type) + " out of range", at);
    }
    return type;
  }

  void functions() {
    int n = r.count(1, StructureCaps.MAX_FUNCTIONS, "function count");
    for (int i = 0; i < n; i++) {
      m.addFunction(typeIndex());
    }
  }

  void tables() {
    int n = r.count(3, StructureCaps.MAX_TABLES, "table count");
    for (int i = 0; i < n; i++) {
      table(false);
    }
  }

  private void table(boolean imported) {
    int at = r.pos();
    byte type = (byte) r.u8();
    gate.refType(type, at);
    if (m.tables.size() >= 1) {
      gate.require(WasmFeature.REFERENCE_TYPES, at, "more than one table");
    }
    if (m.tables.size() >= StructureCaps.MAX_TABLES) {
      throw r.error("more than " + StructureCaps.MAX_TABLES + " tables", at);
    }
    int flagsAt = r.pos();
    int flags = r.u8();
    if ((flags & ~0x05) != 0) {
      throw r.error("invalid table limits flags 0x" + Integer.toHexString(flags), flagsAt);
    }
    boolean wide = (flags & 0x04) != 0;
    if (wide) {
      gate.require(WasmFeature.MEMORY64, flagsAt, "64-bit table");
    }
    long min = r.u32() & 0xFFFFFFFFL;
    OptionalLong max = OptionalLong.empty();
    if ((flags & 0x01) != 0) {
      max = OptionalLong.of(r.u32() & 0xFFFFFFFFL);
      if (max.getAsLong() < min) {
        throw r.error("table maximum " + max.getAsLong() + " is below its minimum " + min, at);
      }
    }
    m.tables.add(new TableInfo(type, min, max, imported));
  }

  void memories() {
    int n = r.count(2, StructureCaps.MAX_MEMORIES, "memory count");
    for (int i = 0; i < n; i++) {
      memory(false);
    }
  }

  private void memory(boolean imported) {
    int at = r.pos();
    if (m.memories.size() >= 1) {
      gate.require(WasmFeature.MULTI_MEMORY, at, "more than one memory");
    }
    if (m.memories.size() >= StructureCaps.MAX_MEMORIES) {
      throw r.error("more than " + StructureCaps.MAX_MEMORIES + " memories", at);
    }
    int flags = r.u8();
    if ((flags & ~0x07) != 0) {
      throw r.error("invalid memory limits flags 0x" + Integer.toHexString(flags), at);
    }
    boolean shared = (flags & 0x02) != 0;
    boolean wide = (flags & 0x04) != 0;
    if (shared) {
      gate.require(WasmFeature.THREADS, at, "shared memory");
    }
    if (wide) {
      gate.require(WasmFeature.MEMORY64, at, "64-bit memory");
    }
    long min = r.u32() & 0xFFFFFFFFL;
    OptionalLong max = OptionalLong.empty();
    if ((flags & 0x01) != 0) {
      max = OptionalLong.of(r.u32() & 0xFFFFFFFFL);
    }
    if (min > MAX_PAGES || max.isPresent() && max.getAsLong() > MAX_PAGES) {
      throw r.error("memory size must be at most " + MAX_PAGES + " pages (4 GiB)", at);
    }
    if (max.isPresent() && max.getAsLong() < min) {
      throw r.error("memory maximum " + max.getAsLong() + " is below its minimum " + min, at);
    }
    if (shared && max.isEmpty()) {
      throw r.error("a shared memory must have a maximum", at);
    }
    m.memories.add(new MemoryInfo(min, max, imported, shared, wide));
  }

  void globals() {
    int n = r.count(3, StructureCaps.MAX_GLOBALS, "global count");
    if ((long) n + m.globalCount > StructureCaps.MAX_GLOBALS) {
      throw r.error("more than " + StructureCaps.MAX_GLOBALS + " globals");
    }
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      byte type = (byte) r.u8();
      gate.valType(type, at);
      boolean mutable = mutability();
      constants.read(type);
      m.addGlobal(type, mutable);
    }
  }

  private boolean mutability() {
    int at = r.pos();
    int mut = r.u8();
    if (mut > 1) {
      throw r.error("invalid global mutability " + mut, at);
    }
    return mut == 1;
  }

  void tagSection() {
    int n = r.count(2, StructureCaps.MAX_TAGS, "tag count");
    for (int i = 0; i < n; i++) {
      tag();
    }
  }

  private void tag() {
    int at = r.pos();
    gate.require(WasmFeature.EXCEPTIONS, at, "exception tag");
    if (r.u8() != 0) {
      throw r.error("invalid tag attribute", at);
    }
    typeIndex();
    if (++m.tags > StructureCaps.MAX_TAGS) {
      throw r.error("more than " + StructureCaps.MAX_TAGS + " tags", at);
    }
  }
}
