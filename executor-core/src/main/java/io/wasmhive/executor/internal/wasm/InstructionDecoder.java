package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.Opcodes.FC_BASE;
import static io.wasmhive.executor.internal.wasm.Opcodes.FD_BASE;
import static io.wasmhive.executor.internal.wasm.Opcodes.FE_BASE;

import io.wasmhive.executor.WasmFeature;

/**
 * Decodes one instruction at a time: reads its immediates into fields the {@link CodeValidator} reads,
 * checks the proposal it belongs to and tracks block depth so the caller knows where an expression
 * ends. It does not check indices or types; the validator does. Not thread-safe.
 */
final class InstructionDecoder {

  /** {@link #blockKind}: no params, no results ({@code 0x40}). */
  static final int BLOCK_EMPTY = 0;
  /** {@link #blockKind}: one result, the value type in {@link #blockValue}. */
  static final int BLOCK_VALUE = 1;
  /** {@link #blockKind}: the function type whose index is in {@link #blockValue}. */
  static final int BLOCK_TYPE_INDEX = 2;

  private final WasmReader r;
  private final FeatureGate gate;
  private int depth;

  /** The first and second index immediates of the last instruction (label, function, local, type, table...). */
  int a;
  int b;
  /** The block type of the last {@code block}, {@code loop} or {@code if}. */
  int blockKind;
  int blockValue;
  /** The alignment exponent of the last memory access. */
  int align;
  /** The value of the last {@code i32.const} or {@code i64.const}. */
  long constant;
  /** The lane immediate of the last SIMD lane instruction. */
  int lane;
  /** Where the last instruction's immediates start (after any prefix and subopcode). */
  int immediates;

  InstructionDecoder(WasmReader reader, FeatureGate gate) {
    this.r = reader;
    this.gate = gate;
  }

  /** Starts an expression: a function body or a constant expression, both ended by a matching {@code end}. */
  void begin() {
    depth = 1;
  }

  /** Whether the expression's final {@code end} has been decoded. */
  boolean done() {
    return depth == 0;
  }

  /** Decodes the instruction at the reader's position and returns its key (see {@link Opcodes}). */
  int next() {
    int start = r.pos();
    int op = r.u8();
    immediates = r.pos();
    switch (op) {
      case 0x00, 0x01, 0x05, 0x0F, 0x1A, 0x1B -> { }
      case 0x02, 0x03, 0x04 -> enter(start);
      case 0x06 -> {
        feature(WasmFeature.EXCEPTIONS, start, op);
        enter(start);
      }
      case 0x07, 0x08, 0x09 -> {
        feature(WasmFeature.EXCEPTIONS, start, op);
        a = r.u32();
      }
      case 0x0A, 0x19 -> feature(WasmFeature.EXCEPTIONS, start, op);
      case 0x0B -> depth--;
      case 0x0C, 0x0D, 0x10, 0x20, 0x21, 0x22, 0x23, 0x24 -> a = r.u32();
      case 0x0E -> brTable();
      case 0x11 -> callIndirect(start);
      case 0x12 -> {
        feature(WasmFeature.TAIL_CALLS, start, op);
        a = r.u32();
      }
      case 0x13 -> {
        feature(WasmFeature.TAIL_CALLS, start, op);
        a = r.u32();
        b = r.u32();
      }
      case 0x18 -> {
        feature(WasmFeature.EXCEPTIONS, start, op);
        a = r.u32();
        depth--;
      }
      case 0x1C -> selectTyped(start, op);
      case 0x1F -> {
        feature(WasmFeature.EXCEPTIONS, start, op);
        enter(start);
      }
      case 0x25, 0x26, 0xD2 -> {
        feature(WasmFeature.REFERENCE_TYPES, start, op);
        a = r.u32();
      }
      case 0x3F, 0x40 -> a = memoryByte(start, op);
      case 0x41 -> constant = r.signed(32);
      case 0x42 -> constant = r.signed(64);
      case 0x43 -> r.skip(4);
      case 0x44 -> r.skip(8);
      case 0xC0, 0xC1, 0xC2, 0xC3, 0xC4 -> feature(WasmFeature.SIGN_EXTENSION, start, op);
      case 0xD0 -> {
        feature(WasmFeature.REFERENCE_TYPES, start, op);
        int at = r.pos();
        a = r.u8();
        gate.refType(a, at);
      }
      case 0xD1 -> feature(WasmFeature.REFERENCE_TYPES, start, op);
      case 0xFC -> {
        return FC_BASE + prefixFc(start);
      }
      case 0xFD -> {
        return FD_BASE + prefixFd(start);
      }
      case 0xFE -> {
        return FE_BASE + prefixFe(start);
      }
      default -> {
        if (op >= 0x28 && op <= 0x3E) {
          memarg(start);
        } else if (op < 0x45 || op > 0xBF) {
          throw r.error("unknown opcode 0x" + Integer.toHexString(op), start);
        }
      }
    }
    return op;
  }

  private void feature(WasmFeature feature, int start, int op) {
    gate.require(feature, start, "`" + Opcodes.name(op) + "`");
  }

  private void prefixed(WasmFeature feature, int start, int prefix, int sub, int key) {
    String name = key < 0 ? "opcode " + Opcodes.describe(prefix, sub) : "`" + Opcodes.name(key) + "`";
    gate.require(feature, start, name);
  }

  private void enter(int start) {
    blockType(start);
    if (++depth > StructureCaps.MAX_NESTING) {
      throw r.error("blocks nested deeper than " + StructureCaps.MAX_NESTING, start);
    }
  }

  private void blockType(int start) {
    int at = r.pos();
    int t = r.u8();
    if (t == 0x40) {
      blockKind = BLOCK_EMPTY;
      return;
    }
    if ((t & 0xC0) == 0x40) {
      // A negative single-byte s33 is a value type.
      gate.valType(t, at);
      blockKind = BLOCK_VALUE;
      blockValue = t;
      return;
    }
    r.pos(at);
    long index = r.signed(33);
    if (index < 0) {
      throw r.error("invalid block type", at);
    }
    gate.require(WasmFeature.MULTI_VALUE, start, "a block type that names function type " + index);
    blockKind = BLOCK_TYPE_INDEX;
    blockValue = index > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) index;
  }

  private void brTable() {
    int n = r.count(1, Integer.MAX_VALUE, "br_table target count");
    for (int i = 0; i <= n; i++) {
      r.u32();
    }
  }

  private void callIndirect(int start) {
    a = r.u32();
    b = tableByte(start, "`call_indirect`");
  }

  /**
   * A table index where the MVP had a reserved zero byte: any LEB128 with reference types (which is why
   * LLVM pads it to five bytes for relocation), exactly the byte {@code 0x00} without.
   */
  private int tableByte(int start, String what) {
    int at = r.pos();
    int index = r.u32();
    if (r.pos() - at != 1 || index != 0) {
      gate.require(WasmFeature.REFERENCE_TYPES, start, what + " with a table index other than the byte 0x00");
    }
    return index;
  }

  private void selectTyped(int start, int op) {
    feature(WasmFeature.REFERENCE_TYPES, start, op);
    int countAt = r.pos();
    if (r.u32() != 1) {
      throw r.error("invalid result arity for typed select", countAt);
    }
    int at = r.pos();
    a = r.u8();
    gate.valType(a, at);
  }

  /** A memory index where the MVP has a reserved zero byte; anything else needs multiple memories. */
  private int memoryByte(int start, int op) {
    int at = r.pos();
    int index = r.u32();
    if (r.pos() - at != 1 || index != 0) {
      gate.require(WasmFeature.MULTI_MEMORY, start, "`" + Opcodes.name(op) + "` with a memory index other than the byte 0x00");
    }
    return index;
  }

  private void memarg(int start) {
    int flags = r.u32();
    if ((flags & 0x40) != 0) {
      gate.require(WasmFeature.MULTI_MEMORY, start, "a memory access with an explicit memory index");
    }
    align = flags;
    r.u32();
  }

  private int prefixFc(int start) {
    int sub = r.u32();
    if (sub < 0 || sub >= Opcodes.FC_COUNT) {
      throw r.error("unknown opcode 0xfc " + Integer.toUnsignedString(sub), start);
    }
    int key = FC_BASE + sub;
    immediates = r.pos();
    if (sub <= 7) {
      prefixed(WasmFeature.SATURATING_FLOAT_TO_INT, start, 0xFC, sub, key);
      return sub;
    }
    prefixed(sub >= 15 ? WasmFeature.REFERENCE_TYPES : WasmFeature.BULK_MEMORY, start, 0xFC, sub, key);
    switch (sub) {
      case 8 -> {
        a = r.u32();
        b = memoryByte(start, key);
      }
      case 10 -> {
        a = memoryByte(start, key);
        b = memoryByte(start, key);
      }
      case 11 -> a = memoryByte(start, key);
      case 12, 14 -> {
        a = r.u32();
        b = r.u32();
        if (b != 0 || sub == 14 && a != 0) {
          gate.require(WasmFeature.REFERENCE_TYPES, start, "`" + Opcodes.name(key) + "` on a table other than 0");
        }
      }
      default -> a = r.u32();
    }
    return sub;
  }

  private int prefixFd(int start) {
    int sub = r.u32();
    int key = FD_BASE + sub;
    boolean known = sub >= 0 && sub < Opcodes.FD_COUNT && !"unknown".equals(Opcodes.name(key));
    prefixed(WasmFeature.SIMD, start, 0xFD, sub, known ? key : -1);
    if (!known || sub >= SimdTypes.RELAXED_FIRST) {
      // Relaxed SIMD is a later proposal that the bundled engine does not implement.
      throw r.error("unknown opcode 0xfd " + Integer.toUnsignedString(sub), start);
    }
    immediates = r.pos();
    if (sub <= 0x0B || sub == 0x5C || sub == 0x5D) {
      memarg(start);
    } else if (sub == 0x0C || sub == 0x0D) {
      r.skip(16);
    } else if (sub >= 0x15 && sub <= 0x22) {
      lane = r.u8();
    } else if (sub >= 0x54 && sub <= 0x5B) {
      memarg(start);
      lane = r.u8();
    }
    return sub;
  }

  private int prefixFe(int start) {
    int sub = r.u32();
    int key = FE_BASE + sub;
    boolean known = sub >= 0 && sub < Opcodes.FE_COUNT && !"unknown".equals(Opcodes.name(key));
    prefixed(WasmFeature.THREADS, start, 0xFE, sub, known ? key : -1);
    if (!known) {
      throw r.error("unknown opcode 0xfe " + Integer.toUnsignedString(sub), start);
    }
    immediates = r.pos();
    if (sub == 0x03) {
      if (r.u8() != 0) {
        throw r.error("atomic.fence expects a zero byte", start);
      }
    } else {
      memarg(start);
    }
    return sub;
  }
}
