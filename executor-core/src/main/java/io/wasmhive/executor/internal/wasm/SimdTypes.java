package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.ValTypes.F32;
import static io.wasmhive.executor.internal.wasm.ValTypes.F64;
import static io.wasmhive.executor.internal.wasm.ValTypes.I32;
import static io.wasmhive.executor.internal.wasm.ValTypes.I64;
import static io.wasmhive.executor.internal.wasm.ValTypes.V128;

/**
 * Signatures of the fixed-width SIMD instructions (0xFD 0x00 to 0xFF), derived from their names: the shape
 * prefix ({@code i8x16}, {@code f64x2}...) and the operation give the operand types. Relaxed SIMD
 * (0xFD 0x100 on) is not part of it. Also the lane count of each lane instruction.
 */
final class SimdTypes {

  /** The first relaxed-SIMD subopcode; the engine does not implement that proposal. */
  static final int RELAXED_FIRST = 0x100;
  /** Lanes of each lane instruction by subopcode (0 for others): lane immediates must be below it. */
  static final byte[] LANES = new byte[RELAXED_FIRST];

  private static final String[] UNARY = {"not", "abs", "neg", "popcnt", "sqrt", "ceil", "floor", "trunc", "nearest"};
  private static final String[] UNARY_PREFIXES = {"extend_", "extadd_pairwise", "convert", "trunc_sat", "demote",
    "promote"};

  private SimdTypes() {
  }

  static void fill() {
    for (int sub = 0; sub < RELAXED_FIRST; sub++) {
      int key = Opcodes.FD_BASE + sub;
      String name = Opcodes.name(key);
      if (!"unknown".equals(name)) {
        define(sub, key, name);
      }
    }
  }

  private static void define(int sub, int key, String name) {
    String shape = name.substring(0, name.indexOf('.'));
    String op = name.substring(name.indexOf('.') + 1);
    if (shape.equals("v128") && (op.startsWith("load") || op.startsWith("store"))) {
      memory(sub, key, op);
    } else if (op.equals("const")) {
      InstructionTypes.set(key, ValTypes.NONE, V128);
    } else if (op.equals("splat")) {
      InstructionTypes.set(key, new byte[] {scalar(shape)}, V128);
    } else if (op.startsWith("extract_lane")) {
      InstructionTypes.set(key, InstructionTypes.vectors(1), scalar(shape));
      LANES[sub] = lanes(shape);
    } else if (op.equals("replace_lane")) {
      InstructionTypes.set(key, new byte[] {V128, scalar(shape)}, V128);
      LANES[sub] = lanes(shape);
    } else if (op.equals("bitselect")) {
      InstructionTypes.set(key, InstructionTypes.vectors(3), V128);
    } else if (op.equals("any_true") || op.equals("all_true") || op.equals("bitmask")) {
      InstructionTypes.set(key, InstructionTypes.vectors(1), I32);
    } else if (op.equals("shl") || op.startsWith("shr_")) {
      InstructionTypes.set(key, new byte[] {V128, I32}, V128);
    } else {
      InstructionTypes.set(key, InstructionTypes.vectors(unary(op) ? 1 : 2), V128);
    }
  }

  /** v128.load, the extending, splat, zero and lane loads, v128.store and the lane stores. */
  private static void memory(int sub, int key, String op) {
    boolean lane = op.endsWith("_lane");
    int bits = op.equals("load") || op.equals("store") ? 128 : digits(op);
    int align;
    if (op.contains("x")) {
      align = 3; // load8x8_s and the like read 64 bits
    } else {
      align = Integer.numberOfTrailingZeros(bits / 8);
    }
    if (lane) {
      LANES[sub] = (byte) (128 / bits);
    }
    boolean store = op.startsWith("store");
    byte[] params = lane || store ? new byte[] {I32, V128} : new byte[] {I32};
    if (store) {
      InstructionTypes.access(key, align, params);
    } else {
      InstructionTypes.access(key, align, params, V128);
    }
  }

  private static int digits(String op) {
    int i = 0;
    while (!Character.isDigit(op.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < op.length() && Character.isDigit(op.charAt(j))) {
      j++;
    }
    return Integer.parseInt(op.substring(i, j));
  }

  private static boolean unary(String op) {
    for (String u : UNARY) {
      if (op.equals(u)) {
        return true;
      }
    }
    for (String prefix : UNARY_PREFIXES) {
      if (op.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static byte scalar(String shape) {
    return switch (shape) {
      case "i64x2" -> I64;
      case "f32x4" -> F32;
      case "f64x2" -> F64;
      default -> I32;
    };
  }

  private static byte lanes(String shape) {
    return (byte) Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
  }
}
