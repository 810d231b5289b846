package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.wasm.types.ValType;
import io.wasmhive.executor.ValueType;
import java.util.List;

/** Conversions between Chicory's value types and raw bits and the executor's. */
final class ChicoryValues {

  private ChicoryValues() {
  }

  static ValType toValType(ValueType type) {
    return switch (type) {
      case I32 -> ValType.I32;
      case I64 -> ValType.I64;
      case F32 -> ValType.F32;
      case F64 -> ValType.F64;
    };
  }

  static List<ValType> toValTypes(List<ValueType> types) {
    return types.stream().map(ChicoryValues::toValType).toList();
  }

  /** The executor's type of a Chicory value type; numbers only. */
  static ValueType toValueType(ValType type) {
    if (type.equals(ValType.I32)) {
      return ValueType.I32;
    } else if (type.equals(ValType.I64)) {
      return ValueType.I64;
    } else if (type.equals(ValType.F32)) {
      return ValueType.F32;
    } else if (type.equals(ValType.F64)) {
      return ValueType.F64;
    }
    throw new IllegalStateException("unsupported value type " + type);
  }

  /** Raw bits as {@link ValueType} defines them: 32-bit values sign-extended. */
  static long normalize(ValueType type, long raw) {
    return type == ValueType.I32 || type == ValueType.F32 ? (long) (int) raw : raw;
  }
}
