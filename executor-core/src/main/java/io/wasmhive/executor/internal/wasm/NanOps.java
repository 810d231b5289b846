package io.wasmhive.executor.internal.wasm;

/**
 * Which float instructions {@link NanCanonicalizer} follows with a canonicalisation or replaces by bit operations, and
 * the unsigned conversions it replaces by signed ones.
 */
final class NanOps {

  /** Result type of an instruction whose NaN result Cranelift canonicalises: 1 f32, 2 f64, 0 none. */
  static final byte[] CANONICALISED = new byte[256];
  static final int F32 = 1, F64 = 2;
  static final int F32_ABS = 0x8B, F32_NEG = 0x8C, F32_COPYSIGN = 0x98;
  static final int F64_ABS = 0x99, F64_NEG = 0x9A, F64_COPYSIGN = 0xA6;
  /** Chicory 1.7.5 rounds these up instead of to nearest when the top bit is set (0x800000000005455c -> 0x5f000001). */
  static final int F32_CONVERT_I64_U = 0xB5, F64_CONVERT_I64_U = 0xBA;

  static {
    // Cranelift's nan_canonicalization pass: ceil, floor, trunc, nearest, sqrt, add, sub, mul, div, min, max.
    for (int op = 0x8D; op <= 0x97; op++) {
      CANONICALISED[op] = F32;
    }
    for (int op = 0x9B; op <= 0xA5; op++) {
      CANONICALISED[op] = F64;
    }
  }

  private NanOps() {
  }
}
