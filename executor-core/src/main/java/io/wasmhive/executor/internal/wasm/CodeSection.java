package io.wasmhive.executor.internal.wasm;

/** Decodes and validates the code section: every local declaration and every instruction of every body. */
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
    InstructionDecoder decoder = new InstructionDecoder(r, gate);
    CodeValidator validator = new CodeValidator(m, r, decoder);
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
      r.where("function " + function);
      r.limit(end);
      body(decoder, validator, function);
      if (r.pos() != end) {
        throw r.error("function body ends before its declared size");
      }
      r.limit(outerLimit);
      r.where(section);
    }
  }

  private void body(InstructionDecoder decoder, CodeValidator validator, int function) {
    validator.begin(function);
    int groups = r.count(2, StructureCaps.MAX_LOCALS, "local declaration count");
    long locals = 0;
    for (int g = 0; g < groups; g++) {
      int at = r.pos();
      int count = r.u32();
      locals += count & 0xFFFFFFFFL;
      if (locals > StructureCaps.MAX_LOCALS) {
        throw r.error("more than " + StructureCaps.MAX_LOCALS + " locals", at);
      }
      int typeAt = r.pos();
      int type = r.u8();
      gate.valType(type, typeAt);
      validator.addLocals(count, (byte) type);
    }
    decoder.begin();
    while (!decoder.done()) {
      int at = r.pos();
      int key = decoder.next();
      validator.instruction(key, at);
    }
  }
}
