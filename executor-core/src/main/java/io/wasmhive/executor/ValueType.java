package io.wasmhive.executor;

/**
 * The four WebAssembly number types. Values cross the engine boundary as raw {@code long} bits:
 * i32 sign-extended, i64 as is, f32 as {@link Float#floatToRawIntBits}, f64 as {@link Double#doubleToRawLongBits}.
 */
public enum ValueType {
  I32, I64, F32, F64
}
