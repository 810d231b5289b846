package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmFeature;

/** Decodes the sections that refer to declared things: exports, start, element and data segments, data count. */
final class SegmentSections {

  private final WasmReader r;
  private final FeatureGate gate;
  private final ModuleBuilder m;
  private final DeclarationSections declarations;
  private final ConstExpressions constants;

  SegmentSections(WasmReader reader, FeatureGate gate, ModuleBuilder module, DeclarationSections declarations,
          ConstExpressions constants) {
    this.r = reader;
    this.gate = gate;
    this.m = module;
    this.declarations = declarations;
    this.constants = constants;
  }

  void exports() {
    int n = r.count(3, StructureCaps.MAX_EXPORTS, "export count");
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      String name = r.name(StructureCaps.MAX_NAME_BYTES);
      WasmParser.checkNotReserved(r, name, name);
      ExternKind kind = declarations.kind(r.u8(), r.pos() - 1);
      int indexAt = r.pos();
      int index = r.u32();
      FuncSignature signature = null;
      switch (kind) {
        case FUNC -> {
          checkFunction(index, indexAt);
          signature = m.signatureOfFunction(index);
          m.declaredRefs.set(index);
        }
        case GLOBAL -> {
          checkIndex(index, m.globalCount, "global", indexAt);
          if (m.globalMutable[index]) {
            gate.require(WasmFeature.MUTABLE_GLOBALS, at, "an export of mutable global \"" + name + "\"");
          }
        }
        case TABLE -> checkIndex(index, m.tables.size(), "table", indexAt);
        case MEMORY -> checkIndex(index, m.memories.size(), "memory", indexAt);
        default -> checkIndex(index, m.tags, "tag", indexAt);
      }
      if (m.exports.putIfAbsent(name, new ExportEntry(name, kind, index, signature)) != null) {
        throw r.error("duplicate export \"" + name + "\"", at);
      }
    }
  }

  private void checkFunction(int index, int at) {
    checkIndex(index, m.functionCount, "function", at);
  }

  private void checkIndex(int index, int count, String what, int at) {
    if (index < 0 || index >= count) {
      throw r.error("unknown " + what + " " + Integer.toUnsignedString(index), at);
    }
  }

  void start() {
    int at = r.pos();
    int index = r.u32();
    checkFunction(index, at);
    if (m.paramsOfFunction(index).length != 0 || m.resultsOfFunction(index).length != 0) {
      throw r.error("the start function " + index + " must take and return nothing", at);
    }
    m.start = index;
  }

  void elements() {
    int n = r.count(1, StructureCaps.MAX_SEGMENTS, "element segment count");
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      int flags = r.u32();
      if (flags < 0 || flags > 7) {
        throw r.error("invalid element segment flags " + Integer.toUnsignedString(flags), at);
      }
      elementFeatures(flags, at);
      int table = -1;
      if ((flags & 0x01) == 0) {
        table = (flags & 0x02) != 0 ? r.u32() : 0;
        checkIndex(table, m.tables.size(), "table", at);
        constants.read(ValTypes.I32);
      }
      boolean expressions = (flags & 0x04) != 0;
      byte type = ValTypes.FUNCREF;
      if ((flags & 0x03) != 0) {
        int kindAt = r.pos();
        int kind = r.u8();
        if (expressions) {
          gate.refType(kind, kindAt);
          type = (byte) kind;
        } else if (kind != 0) {
          throw r.error("invalid element kind " + kind, kindAt);
        }
      }
      if (table >= 0 && m.tables.get(table).refType() != type) {
        throw r.error("type mismatch: element segment of " + ValTypes.name(type) + " for table " + table
            + " of " + ValTypes.name(m.tables.get(table).refType()), at);
      }
      elementItems(expressions, type);
      m.addElement(type);
    }
  }

  private void elementItems(boolean expressions, byte type) {
    int count = r.count(1, StructureCaps.MAX_ELEMENTS, "element count");
    for (int e = 0; e < count; e++) {
      if (expressions) {
        constants.read(type);
      } else {
        int at = r.pos();
        int function = r.u32();
        checkFunction(function, at);
        m.declaredRefs.set(function);
      }
    }
  }

  private void elementFeatures(int flags, int at) {
    if ((flags & 0x03) == 0x03) {
      gate.require(WasmFeature.REFERENCE_TYPES, at, "a declarative element segment");
    } else if (flags != 0) {
      gate.require(WasmFeature.BULK_MEMORY, at, "an element segment with flags " + flags);
    }
    if ((flags & 0x02) != 0 && (flags & 0x01) == 0) {
      // An explicit table index: the parser reads it next; only table 0 is MVP.
      int mark = r.pos();
      int table = r.u32();
      r.pos(mark);
      if (table != 0) {
        gate.require(WasmFeature.REFERENCE_TYPES, at, "an element segment for a table other than 0");
      }
    }
  }

  void data() {
    int n = r.count(1, StructureCaps.MAX_SEGMENTS, "data segment count");
    for (int i = 0; i < n; i++) {
      int at = r.pos();
      int flags = r.u32();
      if (flags == 1) {
        gate.require(WasmFeature.BULK_MEMORY, at, "a passive data segment");
      } else if (flags == 2) {
        if (r.u32() != 0) {
          gate.require(WasmFeature.MULTI_MEMORY, at, "a data segment for a memory other than 0");
        }
      } else if (flags != 0) {
        throw r.error("invalid data segment flags " + Integer.toUnsignedString(flags), at);
      }
      if (flags != 1) {
        checkIndex(0, m.memories.size(), "memory", at);
        constants.read(ValTypes.I32);
      }
      r.skip(r.count(1, Integer.MAX_VALUE, "data length"));
    }
    m.dataSegments = n;
    if (m.dataCount >= 0 && m.dataCount != n) {
      throw r.error("the data count section says " + m.dataCount + " segments, the data section has " + n);
    }
  }

  void dataCount() {
    gate.require(WasmFeature.BULK_MEMORY, r.pos(), "a data count section");
    m.dataCount = r.count(0, StructureCaps.MAX_SEGMENTS, "data segment count");
  }
}
