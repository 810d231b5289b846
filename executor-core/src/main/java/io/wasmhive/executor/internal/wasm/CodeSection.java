package io.wasmhive.executor.internal.wasm;

/** Decodes the code section: every local declaration and every instruction of every function body. */
final class CodeSection {

    private final WasmReader r;
    private final FeatureGate gate;
    private final ModuleBuilder m;

    CodeSection(WasmReader reader, FeatureGate gate, ModuleBuilder module) {
        this.r = reader;
        this.gate = gate;
        this.m = module;
    }

    void bodies() {
        int defined = m.functionCount - m.importedFunctions;
        int n = r.count(2, StructureCaps.MAX_FUNCTIONS, "function body count");
        if (n != defined) {
            throw r.error("code section has " + n + " bodies for " + defined + " declared functions");
        }
        m.bodyStarts = new int[n];
        m.bodyEnds = new int[n];
        InstructionDecoder decoder = new InstructionDecoder(r, gate, m.memory64());
        String section = r.where();
        int outerLimit = r.limit();
        for (int i = 0; i < n; i++) {
            int function = m.importedFunctions + i;
            int size = r.count(1, Integer.MAX_VALUE, "body length");
            if (size == 0) {
                throw r.error("empty function body");
            }
            int end = r.pos() + size;
            m.bodyStarts[i] = r.pos();
            m.bodyEnds[i] = end;
            r.where(section + ", function " + function);
            r.limit(end);
            body(decoder);
            if (r.pos() != end) {
                throw r.error("function body ends before its declared size");
            }
            r.limit(outerLimit);
            r.where(section);
        }
    }

    private void body(InstructionDecoder decoder) {
        int groups = r.count(2, StructureCaps.MAX_LOCALS, "local declaration count");
        long locals = 0;
        for (int g = 0; g < groups; g++) {
            int at = r.pos();
            locals += r.u32() & 0xFFFFFFFFL;
            if (locals > StructureCaps.MAX_LOCALS) {
                throw r.error("more than " + StructureCaps.MAX_LOCALS + " locals", at);
            }
            int typeAt = r.pos();
            gate.valType(r.u8(), typeAt);
        }
        decoder.begin();
        while (!decoder.done()) {
            decoder.next();
        }
    }
}
