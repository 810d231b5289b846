package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.ValTypes.FUNCREF;
import static io.wasmhive.executor.internal.wasm.ValTypes.I32;
import static io.wasmhive.executor.internal.wasm.ValTypes.NONE;

import io.wasmhive.executor.InvalidModuleException;
import java.util.Arrays;

/**
 * Type-checks function bodies as the {@link InstructionDecoder} decodes them: the specification's
 * validation algorithm over every index space of the module as declared (never anything the instrumenter
 * appends later), so an out-of-range function, global, local, table, type, label, element or data index
 * is refused here, before any rewriting. Not thread-safe; one per parse.
 */
final class CodeValidator {

  private final ModuleBuilder m;
  private final InstructionDecoder d;
  private final WasmReader immediates;
  private final OperandStack s;
  private byte[] locals = new byte[64];
  private int localCount;

  CodeValidator(ModuleBuilder module, WasmReader reader, InstructionDecoder decoder) {
    this.m = module;
    this.d = decoder;
    this.immediates = new WasmReader(reader.bytes());
    this.s = new OperandStack(reader);
  }

  /** Starts the body of {@code function}: its parameters become its first locals. */
  void begin(int function) {
    byte[] params = m.paramsOfFunction(function);
    localCount = 0;
    for (byte p : params) {
      addLocal(p);
    }
    s.reset();
    s.pushFrame(Opcodes.BLOCK, NONE, m.resultsOfFunction(function));
  }

  /** Declares {@code count} more locals of {@code type}; the parser has capped the total. */
  void addLocals(int count, byte type) {
    for (int i = 0; i < count; i++) {
      addLocal(type);
    }
  }

  private void addLocal(byte type) {
    if (localCount == locals.length) {
      locals = Arrays.copyOf(locals, localCount * 2);
    }
    locals[localCount++] = type;
  }

  /** Type-checks the instruction with {@code key} that the decoder just decoded at offset {@code at}. */
  void instruction(int key, int at) {
    s.at = at;
    s.instruction = Opcodes.name(key);
    byte[] params = InstructionTypes.PARAMS[key];
    if (params != null) {
      fixed(key, params);
      return;
    }
    if (key < Opcodes.FC_BASE) {
      control(key);
    } else {
      prefixed(key);
    }
  }

  private void fixed(int key, byte[] params) {
    int natural = InstructionTypes.NATURAL_ALIGN[key];
    if (natural >= 0) {
      memory();
      if (InstructionTypes.EXACT_ALIGN[key] ? d.align != natural : d.align > natural) {
        throw s.error((InstructionTypes.EXACT_ALIGN[key] ? "alignment must equal" : "alignment must not be larger than")
            + " natural in " + s.instruction);
      }
    }
    if (key >= Opcodes.FD_BASE && key < Opcodes.FE_BASE) {
      lanes(key - Opcodes.FD_BASE);
    }
    s.pop(params);
    s.push(InstructionTypes.RESULTS[key]);
  }

  private void control(int key) {
    switch (key) {
      case 0x00 -> s.unreachable();
      case 0x01 -> { }
      case 0x02, 0x03 -> {
        byte[][] type = blockType();
        s.pop(type[0]);
        s.pushFrame(key, type[0], type[1]);
      }
      case 0x04 -> {
        s.pop(I32);
        byte[][] type = blockType();
        s.pop(type[0]);
        s.pushFrame(key, type[0], type[1]);
      }
      case 0x05 -> {
        if (s.popFrame() != Opcodes.IF) {
          throw s.error("else without a matching if");
        }
        s.pushFrame(Opcodes.ELSE, s.lastStart(), s.lastEnd());
      }
      case 0x0B -> end();
      case 0x0C -> {
        s.pop(s.labelTypes(d.a));
        s.unreachable();
      }
      case 0x0D -> {
        s.pop(I32);
        byte[] types = s.labelTypes(d.a);
        s.pop(types);
        s.push(types);
      }
      case 0x0E -> brTable();
      case 0x0F -> {
        s.pop(s.functionResults());
        s.unreachable();
      }
      case 0x10 -> {
        function(d.a);
        s.pop(m.paramsOfFunction(d.a));
        s.push(m.resultsOfFunction(d.a));
      }
      case 0x11 -> callIndirect();
      default -> variables(key);
    }
  }

  private void end() {
    int opcode = s.popFrame();
    byte[] start = s.lastStart();
    byte[] end = s.lastEnd();
    if (opcode == Opcodes.IF && !Arrays.equals(start, end)) {
      throw s.error("type mismatch: an if without else must have results equal to its parameters, not "
          + ValTypes.names(start) + " -> " + ValTypes.names(end));
    }
    s.push(end);
  }

  private void callIndirect() {
    if (table(d.b) != FUNCREF) {
      throw s.error("call_indirect through table " + d.b + ", which does not hold funcref");
    }
    type(d.a);
    s.pop(I32);
    s.pop(m.typeParams.get(d.a));
    s.push(m.typeResults.get(d.a));
  }

  private void brTable() {
    s.pop(I32);
    immediates.pos(d.immediates);
    int n = immediates.u32();
    int targets = immediates.pos();
    for (int i = 0; i < n; i++) {
      immediates.u32();
    }
    int fallback = immediates.u32();
    int arity = s.labelTypes(fallback).length;
    immediates.pos(targets);
    for (int i = 0; i < n; i++) {
      byte[] types = s.labelTypes(immediates.u32());
      if (types.length != arity) {
        throw s.error("type mismatch in br_table: a target carries " + types.length + " value(s), the default "
            + arity);
      }
      s.pop(types);
      s.push(Arrays.copyOf(s.popped(), types.length));
    }
    s.pop(s.labelTypes(fallback));
    s.unreachable();
  }

  private void variables(int key) {
    switch (key) {
      case 0x1A -> s.pop();
      case 0x1B -> select();
      case 0x1C -> {
        s.pop(I32);
        s.pop((byte) d.a);
        s.pop((byte) d.a);
        s.push((byte) d.a);
      }
      case 0x20 -> s.push(local(d.a));
      case 0x21 -> s.pop(local(d.a));
      case 0x22 -> {
        byte t = local(d.a);
        s.pop(t);
        s.push(t);
      }
      case 0x23 -> s.push(global(d.a));
      case 0x24 -> {
        byte t = global(d.a);
        if (!m.globalMutable[d.a]) {
          throw s.error("global.set of immutable global " + d.a);
        }
        s.pop(t);
      }
      default -> references(key);
    }
  }

  private void select() {
    s.pop(I32);
    byte t1 = s.pop();
    byte t2 = s.pop();
    if (ValTypes.isRef(t1) || ValTypes.isRef(t2)) {
      throw s.error("type mismatch in select: references need a typed select");
    }
    if (t1 != t2 && t1 != ValTypes.UNKNOWN && t2 != ValTypes.UNKNOWN) {
      throw s.error("type mismatch in select: " + ValTypes.name(t2) + " and " + ValTypes.name(t1));
    }
    s.push(t1 == ValTypes.UNKNOWN ? t2 : t1);
  }

  private void references(int key) {
    switch (key) {
      case 0x25 -> {
        byte t = table(d.a);
        s.pop(I32);
        s.push(t);
      }
      case 0x26 -> {
        byte t = table(d.a);
        s.pop(t);
        s.pop(I32);
      }
      case 0x3F -> {
        memory();
        s.push(I32);
      }
      case 0x40 -> {
        memory();
        s.pop(I32);
        s.push(I32);
      }
      case 0xD0 -> s.push((byte) d.a);
      case 0xD1 -> {
        s.popRef();
        s.push(I32);
      }
      case 0xD2 -> {
        function(d.a);
        if (!m.declaredRefs.get(d.a)) {
          throw s.error("undeclared function reference " + d.a
              + " (ref.func needs the function in an element segment, an export or a global)");
        }
        s.push(FUNCREF);
      }
      default -> throw s.error("instruction " + s.instruction + " cannot be validated");
    }
  }

  private void prefixed(int key) {
    switch (key - Opcodes.FC_BASE) {
      case 8 -> {
        memory();
        data(d.a);
        popI32(3);
      }
      case 9 -> data(d.a);
      case 10, 11 -> {
        memory();
        popI32(3);
      }
      case 12 -> {
        byte element = element(d.a);
        if (element != table(d.b)) {
          throw s.error("type mismatch in table.init: element segment " + d.a + " holds " + ValTypes.name(element)
              + ", table " + d.b + " " + ValTypes.name(table(d.b)));
        }
        popI32(3);
      }
      case 13 -> element(d.a);
      case 14 -> {
        if (table(d.a) != table(d.b)) {
          throw s.error("type mismatch in table.copy: tables " + d.a + " and " + d.b + " hold different types");
        }
        popI32(3);
      }
      case 15 -> {
        byte t = table(d.a);
        s.pop(I32);
        s.pop(t);
        s.push(I32);
      }
      case 16 -> {
        table(d.a);
        s.push(I32);
      }
      case 17 -> {
        byte t = table(d.a);
        s.pop(I32);
        s.pop(t);
        s.pop(I32);
      }
      default -> throw s.error("instruction " + s.instruction + " cannot be validated");
    }
  }

  private void popI32(int n) {
    for (int i = 0; i < n; i++) {
      s.pop(I32);
    }
  }

  private void lanes(int sub) {
    int lanes = SimdTypes.LANES[sub];
    if (lanes > 0 && d.lane >= lanes) {
      throw s.error("invalid lane index " + d.lane + " for " + s.instruction);
    }
    if (sub == 0x0D) {
      byte[] bytes = immediates.bytes();
      for (int i = 0; i < 16; i++) {
        if ((bytes[d.immediates + i] & 0xFF) >= 32) {
          throw s.error("invalid lane index " + (bytes[d.immediates + i] & 0xFF) + " for i8x16.shuffle");
        }
      }
    }
  }

  /** The block type's parameters and results. */
  private byte[][] blockType() {
    return switch (d.blockKind) {
      case InstructionDecoder.BLOCK_EMPTY -> new byte[][] {NONE, NONE};
      case InstructionDecoder.BLOCK_VALUE -> new byte[][] {NONE, ValTypes.of(d.blockValue)};
      default -> {
        type(d.blockValue);
        yield new byte[][] {m.typeParams.get(d.blockValue), m.typeResults.get(d.blockValue)};
      }
    };
  }

  private byte local(int index) {
    if (index < 0 || index >= localCount) {
      throw s.error("unknown local " + Integer.toUnsignedString(index));
    }
    return locals[index];
  }

  private byte global(int index) {
    if (index < 0 || index >= m.globalCount) {
      throw s.error("unknown global " + Integer.toUnsignedString(index));
    }
    return m.globalTypes[index];
  }

  private void function(int index) {
    if (index < 0 || index >= m.functionCount) {
      throw s.error("unknown function " + Integer.toUnsignedString(index));
    }
  }

  private void type(int index) {
    if (index < 0 || index >= m.rawTypes.size()) {
      throw s.error("unknown type " + Integer.toUnsignedString(index));
    }
  }

  private byte table(int index) {
    if (index < 0 || index >= m.tables.size()) {
      throw s.error("unknown table " + Integer.toUnsignedString(index));
    }
    return m.tables.get(index).refType();
  }

  private void memory() {
    if (m.memories.isEmpty()) {
      throw s.error("unknown memory 0 in " + s.instruction);
    }
  }

  private void data(int index) {
    if (m.dataCount < 0) {
      throw s.error(s.instruction + " needs a data count section");
    }
    if (index < 0 || index >= m.dataCount) {
      throw s.error("unknown data segment " + Integer.toUnsignedString(index));
    }
  }

  private byte element(int index) {
    if (index < 0 || index >= m.elementCount) {
      throw s.error("unknown element segment " + Integer.toUnsignedString(index));
    }
    return m.elementTypes[index];
  }

  /** Whether the function's final {@code end} has been validated. */
  boolean finished() {
    return s.frames() == 0;
  }

  InvalidModuleException error(String message) {
    return s.error(message);
  }
}
