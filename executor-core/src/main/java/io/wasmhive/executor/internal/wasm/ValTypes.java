package io.wasmhive.executor.internal.wasm;

/**
 * Value types as the binary format encodes them, one byte each, plus {@link #UNKNOWN} for the bottom type
 * the validator gives values popped from an unreachable stack.
 */
final class ValTypes {

  static final byte I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, V128 = 0x7B, FUNCREF = 0x70,
      EXTERNREF = 0x6F, UNKNOWN = 0;

  static final byte[] NONE = {};

  private static final byte[][] SINGLE = new byte[128][];

  static {
    for (byte t : new byte[] {I32, I64, F32, F64, V128, FUNCREF, EXTERNREF}) {
      SINGLE[t] = new byte[] {t};
    }
  }

  private ValTypes() {
  }

  /** A shared one-element array holding {@code type}; never modified. */
  static byte[] of(int type) {
    return SINGLE[type];
  }

  static boolean isNum(byte t) {
    return t == I32 || t == I64 || t == F32 || t == F64;
  }

  static boolean isRef(byte t) {
    return t == FUNCREF || t == EXTERNREF;
  }

  /** The text-format name, e.g. {@code i32}. */
  static String name(int t) {
    return switch (t) {
      case I32 -> "i32";
      case I64 -> "i64";
      case F32 -> "f32";
      case F64 -> "f64";
      case V128 -> "v128";
      case FUNCREF -> "funcref";
      case EXTERNREF -> "externref";
      case UNKNOWN -> "any";
      default -> "0x" + Integer.toHexString(t & 0xFF);
    };
  }

  /** {@code [i32 i64]}. */
  static String names(byte[] types) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < types.length; i++) {
      s.append(i == 0 ? "" : " ").append(name(types[i]));
    }
    return s.append(']').toString();
  }
}
