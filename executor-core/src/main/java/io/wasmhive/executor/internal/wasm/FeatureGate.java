package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.WasmFeature;
import java.util.EnumSet;
import java.util.Set;

/**
 * Refuses uses of proposals outside the allowed set, and always those the engine cannot run, naming the
 * proposal, what used it, where and the offset: "uses SIMD (`v128.load` in function 12 at 0x1a2b); SIMD is
 * off, see WASM_FEATURES".
 */
final class FeatureGate {

  private final Set<WasmFeature> allowed;
  private final WasmReader reader;

  FeatureGate(Set<WasmFeature> allowed, WasmReader reader) {
    this.allowed = allowed.isEmpty() ? EnumSet.noneOf(WasmFeature.class) : EnumSet.copyOf(allowed);
    this.allowed.removeIf(f -> !f.engineSupported());
    this.reader = reader;
  }

  boolean allows(WasmFeature feature) {
    return allowed.contains(feature);
  }

  /** Throws unless {@code feature} is allowed; {@code what} says what used it, e.g. "`f64x2.splat`". */
  void require(WasmFeature feature, int offset, String what) {
    if (!allowed.contains(feature)) {
      throw new DisallowedFeatureException("uses " + feature.label() + " (" + what + " in " + reader.where()
          + " at 0x" + Integer.toHexString(offset) + "); " + feature.offPhrase());
    }
  }

  /** Checks a value type wherever one may appear: v128 needs SIMD, references need their proposals. */
  void valType(int type, int offset) {
    switch (type) {
      case 0x7F, 0x7E, 0x7D, 0x7C -> { }
      case 0x7B -> require(WasmFeature.SIMD, offset, "value type v128");
      case 0x70 -> require(WasmFeature.REFERENCE_TYPES, offset, "value type funcref");
      case 0x6F -> require(WasmFeature.REFERENCE_TYPES, offset, "value type externref");
      case 0x69 -> require(WasmFeature.EXCEPTIONS, offset, "value type exnref");
      default -> throw reader.error("invalid value type 0x" + Integer.toHexString(type), offset);
    }
  }

  /** Checks a table element type: funcref is MVP, externref needs reference types. */
  void refType(int type, int offset) {
    if (type == 0x6F) {
      require(WasmFeature.REFERENCE_TYPES, offset, "reference type externref");
    } else if (type != 0x70) {
      throw reader.error("invalid reference type 0x" + Integer.toHexString(type), offset);
    }
  }
}
