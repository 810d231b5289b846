package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmFeature;

/** Decodes the sections that refer to declared things: exports, start, element and data segments, data count. */
final class SegmentSections {

    private final WasmReader r;
    private final FeatureGate gate;
    private final ModuleBuilder m;
    private final DeclarationSections declarations;

    SegmentSections(WasmReader reader, FeatureGate gate, ModuleBuilder module, DeclarationSections declarations) {
        this.r = reader;
        this.gate = gate;
        this.m = module;
        this.declarations = declarations;
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
            if (kind == ExternKind.FUNC) {
                checkFunction(index, indexAt);
                signature = m.signatureOfFunction(index);
            } else if (kind == ExternKind.GLOBAL) {
                if (index < 0 || index >= m.globalMutable.size()) {
                    throw r.error("global index " + Integer.toUnsignedString(index) + " out of range", indexAt);
                }
                if (m.globalMutable.get(index)) {
                    gate.require(WasmFeature.MUTABLE_GLOBALS, at, "export of mutable global \"" + name + "\"");
                }
            }
            if (m.exports.putIfAbsent(name, new ExportEntry(name, kind, index, signature)) != null) {
                throw r.error("duplicate export \"" + name + "\"", at);
            }
        }
    }

    private void checkFunction(int index, int at) {
        if (index < 0 || index >= m.functionCount) {
            throw r.error("function index " + Integer.toUnsignedString(index) + " out of range", at);
        }
    }

    void start() {
        int at = r.pos();
        int index = r.u32();
        checkFunction(index, at);
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
            if ((flags & 0x01) == 0) {
                activeTarget((flags & 0x02) != 0, at);
            }
            boolean expressions = (flags & 0x04) != 0;
            if ((flags & 0x03) != 0) {
                int kindAt = r.pos();
                int kind = r.u8();
                if (expressions) {
                    gate.refType(kind, kindAt);
                } else if (kind != 0) {
                    throw r.error("invalid element kind " + kind, kindAt);
                }
            }
            int count = r.count(1, Integer.MAX_VALUE, "element count");
            for (int e = 0; e < count; e++) {
                if (expressions) {
                    WasmParser.constExpr(r, gate, m);
                } else {
                    r.u32();
                }
            }
        }
    }

    private void elementFeatures(int flags, int at) {
        if ((flags & 0x03) == 0x03) {
            gate.require(WasmFeature.REFERENCE_TYPES, at, "declarative element segment");
        } else if (flags != 0) {
            gate.require(WasmFeature.BULK_MEMORY, at, "element segment with flags " + flags);
        }
    }

    private void activeTarget(boolean explicitIndex, int at) {
        if (explicitIndex && r.u32() != 0) {
            gate.require(WasmFeature.REFERENCE_TYPES, at, "element segment for a table other than 0");
        }
        WasmParser.constExpr(r, gate, m);
    }

    void data() {
        int n = r.count(1, StructureCaps.MAX_SEGMENTS, "data segment count");
        for (int i = 0; i < n; i++) {
            int at = r.pos();
            int flags = r.u32();
            if (flags == 1) {
                gate.require(WasmFeature.BULK_MEMORY, at, "passive data segment");
            } else if (flags == 2) {
                if (r.u32() != 0) {
                    gate.require(WasmFeature.MULTI_MEMORY, at, "data segment for a memory other than 0");
                }
            } else if (flags != 0) {
                throw r.error("invalid data segment flags " + Integer.toUnsignedString(flags), at);
            }
            if (flags != 1) {
                WasmParser.constExpr(r, gate, m);
            }
            r.skip(r.count(1, Integer.MAX_VALUE, "data length"));
        }
    }

    void dataCount() {
        gate.require(WasmFeature.BULK_MEMORY, r.pos(), "data count section");
        r.count(0, StructureCaps.MAX_SEGMENTS, "data segment count");
    }
}
