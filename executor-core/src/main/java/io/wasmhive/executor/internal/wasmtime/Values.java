package io.wasmhive.executor.internal.wasmtime;

import io.github.kawamuray.wasmtime.Val;
import io.wasmhive.executor.ValueType;
import java.util.List;

/** Conversions between raw value bits and wasmtime-java's {@link Val}. */
final class Values {

  private Values() {
  }

  static Val toVal(Val.Type type, long bits) {
    return switch (type) {
      case I32 -> Val.fromI32((int) bits);
      case I64 -> Val.fromI64(bits);
      case F32 -> Val.fromF32(Float.intBitsToFloat((int) bits));
      case F64 -> Val.fromF64(Double.longBitsToDouble(bits));
      default -> throw new IllegalArgumentException("unsupported value type " + type);
    };
  }

  static long toBits(Val val) {
    return switch (val.getType()) {
      case I32 -> val.i32();
      case I64 -> val.i64();
      case F32 -> Float.floatToRawIntBits(val.f32());
      case F64 -> Double.doubleToRawLongBits(val.f64());
      default -> throw new IllegalArgumentException("unsupported value type " + val.getType());
    };
  }

  static Val.Type toValType(ValueType type) {
    return switch (type) {
      case I32 -> Val.Type.I32;
      case I64 -> Val.Type.I64;
      case F32 -> Val.Type.F32;
      case F64 -> Val.Type.F64;
    };
  }

  static Val.Type[] toValTypes(List<ValueType> types) {
    Val.Type[] out = new Val.Type[types.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = toValType(types.get(i));
    }
    return out;
  }
}
