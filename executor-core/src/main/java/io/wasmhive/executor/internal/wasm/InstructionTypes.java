package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.ValTypes.F32;
import static io.wasmhive.executor.internal.wasm.ValTypes.F64;
import static io.wasmhive.executor.internal.wasm.ValTypes.I32;
import static io.wasmhive.executor.internal.wasm.ValTypes.I64;
import static io.wasmhive.executor.internal.wasm.ValTypes.V128;

/**
 * The fixed signatures of the instructions whose typing depends on nothing but the opcode (numbers,
 * conversions, memory accesses, SIMD, atomics), by instruction key (see {@link Opcodes}), with the natural
 * alignment of each memory access. Instructions not in the table are typed by {@link CodeValidator} itself.
 */
final class InstructionTypes {

  /** Parameter types by key; null where the validator types the instruction itself. */
  static final byte[][] PARAMS = new byte[Opcodes.KEY_COUNT][];
  /** Result types by key, for keys with {@link #PARAMS}. */
  static final byte[][] RESULTS = new byte[Opcodes.KEY_COUNT][];
  /** log2 of the natural alignment of a memory access, or -1 for other instructions. */
  static final byte[] NATURAL_ALIGN = new byte[Opcodes.KEY_COUNT];
  /** Atomic accesses: the alignment must equal the natural one. */
  static final boolean[] EXACT_ALIGN = new boolean[Opcodes.KEY_COUNT];

  private static final byte[] NONE = ValTypes.NONE;

  private InstructionTypes() {
  }

  static {
    java.util.Arrays.fill(NATURAL_ALIGN, (byte) -1);
    memory();
    numeric();
    SimdTypes.fill();
    atomics();
  }

  static void set(int key, byte[] params, byte... results) {
    PARAMS[key] = params;
    RESULTS[key] = results;
  }

  static void access(int key, int alignLog2, byte[] params, byte... results) {
    set(key, params, results);
    NATURAL_ALIGN[key] = (byte) alignLog2;
  }

  private static byte[] p(byte... types) {
    return types;
  }

  private static void memory() {
    byte[] loads = {I32, I64, F32, F64, I32, I32, I32, I32, I64, I64, I64, I64, I64, I64};
    int[] loadAlign = {2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2};
    for (int i = 0; i < loads.length; i++) {
      access(0x28 + i, loadAlign[i], p(I32), loads[i]);
    }
    byte[] stores = {I32, I64, F32, F64, I32, I32, I64, I64, I64};
    int[] storeAlign = {2, 3, 2, 3, 0, 1, 0, 1, 2};
    for (int i = 0; i < stores.length; i++) {
      access(0x36 + i, storeAlign[i], p(I32, stores[i]));
    }
    set(0x41, NONE, I32);
    set(0x42, NONE, I64);
    set(0x43, NONE, F32);
    set(0x44, NONE, F64);
  }

  private static void numeric() {
    range(0x45, 0x45, p(I32), I32);
    range(0x46, 0x4F, p(I32, I32), I32);
    range(0x50, 0x50, p(I64), I32);
    range(0x51, 0x5A, p(I64, I64), I32);
    range(0x5B, 0x60, p(F32, F32), I32);
    range(0x61, 0x66, p(F64, F64), I32);
    range(0x67, 0x69, p(I32), I32);
    range(0x6A, 0x78, p(I32, I32), I32);
    range(0x79, 0x7B, p(I64), I64);
    range(0x7C, 0x8A, p(I64, I64), I64);
    range(0x8B, 0x91, p(F32), F32);
    range(0x92, 0x98, p(F32, F32), F32);
    range(0x99, 0x9F, p(F64), F64);
    range(0xA0, 0xA6, p(F64, F64), F64);
    // i32.wrap_i64 ... f64.reinterpret_i64, then the sign-extension operators, in opcode order.
    byte[] from = {I64, F32, F32, F64, F64, I32, I32, F32, F32, F64, F64, I32, I32, I64, I64, F64, I32, I32,
      I64, I64, F32, F32, F64, I32, I64, I32, I32, I64, I64, I64};
    byte[] to = {I32, I32, I32, I32, I32, I64, I64, I64, I64, I64, I64, F32, F32, F32, F32, F32, F64, F64,
      F64, F64, F64, I32, I64, F32, F64, I32, I32, I64, I64, I64};
    for (int i = 0; i < from.length; i++) {
      set(0xA7 + i, p(from[i]), to[i]);
    }
    byte[] satFrom = {F32, F32, F64, F64, F32, F32, F64, F64};
    for (int i = 0; i < satFrom.length; i++) {
      set(Opcodes.FC_BASE + i, p(satFrom[i]), i < 4 ? I32 : I64);
    }
  }

  private static void range(int first, int last, byte[] params, byte result) {
    for (int op = first; op <= last; op++) {
      set(op, params, result);
    }
  }

  private static void atomics() {
    for (int sub = 0; sub < Opcodes.FE_COUNT; sub++) {
      int key = Opcodes.FE_BASE + sub;
      String name = Opcodes.name(key);
      if ("unknown".equals(name)) {
        continue;
      }
      switch (name) {
        case "memory.atomic.notify" -> atomic(key, 2, p(I32, I32), I32);
        case "memory.atomic.wait32" -> atomic(key, 2, p(I32, I32, I64), I32);
        case "memory.atomic.wait64" -> atomic(key, 3, p(I32, I64, I64), I32);
        case "atomic.fence" -> set(key, NONE);
        default -> atomicAccess(key, name);
      }
    }
  }

  /** {@code i64.atomic.rmw16.add_u}, {@code i32.atomic.load8_u}, {@code i64.atomic.store32} and the like. */
  private static void atomicAccess(int key, String name) {
    byte t = name.startsWith("i64") ? I64 : I32;
    String op = name.substring(name.indexOf(".atomic.") + 8);
    int align = t == I64 ? 3 : 2;
    if (op.contains("8")) {
      align = 0;
    } else if (op.contains("16")) {
      align = 1;
    } else if (op.contains("32")) {
      align = 2;
    }
    if (op.startsWith("load")) {
      atomic(key, align, p(I32), t);
    } else if (op.startsWith("store")) {
      atomic(key, align, p(I32, t));
    } else if (op.endsWith("cmpxchg") || op.endsWith("cmpxchg_u")) {
      atomic(key, align, p(I32, t, t), t);
    } else {
      atomic(key, align, p(I32, t), t);
    }
  }

  private static void atomic(int key, int align, byte[] params, byte... results) {
    access(key, align, params, results);
    EXACT_ALIGN[key] = true;
  }

  /** The parameter vector {@code [v128]}, {@code [v128 v128]} and so on, shared. */
  static byte[] vectors(int n) {
    return switch (n) {
      case 1 -> p(V128);
      case 2 -> p(V128, V128);
      default -> p(V128, V128, V128);
    };
  }
}
