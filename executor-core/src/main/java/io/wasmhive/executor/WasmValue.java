package io.wasmhive.executor;


/** A typed WebAssembly number: the argument or result of a typed call. Raw bits as in {@link ValueType}. */
public record WasmValue(ValueType type, long bits) {

  public static WasmValue i32(int value) {
    return new WasmValue(ValueType.I32, value);
  }

  public static WasmValue i64(long value) {
    return new WasmValue(ValueType.I64, value);
  }

  public static WasmValue f32(float value) {
    return new WasmValue(ValueType.F32, Float.floatToRawIntBits(value));
  }

  public static WasmValue f64(double value) {
    return new WasmValue(ValueType.F64, Double.doubleToRawLongBits(value));
  }

  public int asInt() {
    return (int) bits;
  }

  public long asLong() {
    return bits;
  }

  public float asFloat() {
    return Float.intBitsToFloat((int) bits);
  }

  public double asDouble() {
    return Double.longBitsToDouble(bits);
  }

  /** The value as a Java boxed number of the matching type. */
  public Number toNumber() {
    return switch (type) {
      case I32 -> asInt();
      case I64 -> asLong();
      case F32 -> asFloat();
      case F64 -> asDouble();
    };
  }

  @Override
  public String toString() {
    return type.name().toLowerCase() + ":" + toNumber();
  }
}
