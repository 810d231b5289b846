package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmFeature;

/**
 * Validates constant expressions (global initialisers, segment offsets, element expressions): only
 * constants, {@code ref.null}, {@code ref.func}, {@code global.get} of an imported immutable global and,
 * with extended constant expressions, {@code add}, {@code sub} and {@code mul} on i32 and i64, leaving
 * exactly one value of the expected type. Not thread-safe; one per parse.
 */
final class ConstExpressions {

  private final WasmReader r;
  private final FeatureGate gate;
  private final ModuleBuilder m;
  private final InstructionDecoder decoder;
  private byte[] stack = new byte[8];
  private long[] values = new long[8];
  private boolean extended;
  private boolean foldable;

  ConstExpressions(WasmReader reader, FeatureGate gate, ModuleBuilder module) {
    this.r = reader;
    this.gate = gate;
    this.m = module;
    this.decoder = new InstructionDecoder(reader, gate);
  }

  /** Reads one expression up to its {@code end}, checking that it yields one value of {@code expected}. */
  void read(byte expected) {
    int start = r.pos();
    decoder.begin();
    extended = false;
    foldable = true;
    int height = 0;
    while (true) {
      int at = r.pos();
      int key = decoder.next();
      if (decoder.done()) {
        if (height != 1 || stack[0] != expected) {
          throw r.error("type mismatch in constant expression: expected " + ValTypes.name(expected) + ", got "
              + ValTypes.names(java.util.Arrays.copyOf(stack, height)), at);
        }
        if (extended && foldable) {
          m.folds.add(new long[] {start, r.pos(), expected, values[0]});
        } else if (extended) {
          m.unfoldable++;
        }
        return;
      }
      height = apply(key, at, height);
    }
  }

  private int apply(int key, int at, int height) {
    byte pushed = switch (key) {
      case 0x41 -> ValTypes.I32;
      case 0x42 -> ValTypes.I64;
      case 0x43 -> ValTypes.F32;
      case 0x44 -> ValTypes.F64;
      case Opcodes.FD_BASE + 0x0C -> ValTypes.V128;
      case 0xD0 -> (byte) decoder.a;
      case 0xD2 -> refFunc(at);
      case 0x23 -> globalGet(at);
      case 0x6A, 0x6B, 0x6C -> arithmetic(ValTypes.I32, key, at, height);
      case 0x7C, 0x7D, 0x7E -> arithmetic(ValTypes.I64, key, at, height);
      default -> throw r.error("constant expression required, found " + Opcodes.name(key), at);
    };
    long value = decoder.constant;
    if (key >= 0x6A && key <= 0x7E) {
      height -= 2;
      value = fold(key, values[height], values[height + 1]);
    } else if (key == 0x23) {
      foldable = false;
    }
    if (height == stack.length) {
      stack = java.util.Arrays.copyOf(stack, height * 2);
      values = java.util.Arrays.copyOf(values, height * 2);
    }
    stack[height] = pushed;
    values[height] = value;
    return height + 1;
  }

  /** The result of an extended-const instruction, wrapping as the engine would (i32 results sign-extended). */
  private static long fold(int key, long x, long y) {
    return switch (key) {
      case 0x6A -> (int) x + (int) y;
      case 0x6B -> (int) x - (int) y;
      case 0x6C -> (int) x * (int) y;
      case 0x7C -> x + y;
      case 0x7D -> x - y;
      default -> x * y;
    };
  }

  private byte refFunc(int at) {
    if (decoder.a < 0 || decoder.a >= m.functionCount) {
      throw r.error("unknown function " + Integer.toUnsignedString(decoder.a), at);
    }
    m.declaredRefs.set(decoder.a);
    return ValTypes.FUNCREF;
  }

  private byte globalGet(int at) {
    int index = decoder.a;
    if (index < 0 || index >= m.globalCount) {
      throw r.error("unknown global " + Integer.toUnsignedString(index), at);
    }
    if (index >= m.importedGlobals) {
      throw r.error("a constant expression may only read an imported global, not global " + index, at);
    }
    if (m.globalMutable[index]) {
      throw r.error("a constant expression may not read mutable global " + index, at);
    }
    return m.globalTypes[index];
  }

  private byte arithmetic(byte type, int key, int at, int height) {
    gate.require(WasmFeature.EXTENDED_CONST, at, "`" + Opcodes.name(key) + "` in a constant expression");
    extended = true;
    if (height < 2 || stack[height - 1] != type || stack[height - 2] != type) {
      throw r.error("type mismatch in constant expression: " + Opcodes.name(key) + " needs two "
          + ValTypes.name(type) + " operands", at);
    }
    return type;
  }
}
