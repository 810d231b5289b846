package io.wasmhive.executor.internal.chicory;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.util.EnumSet;
import java.util.Set;

/**
 * The proposals the Chicory engine runs: the same set the Wasmtime engine accepts by default (WebAssembly 2.0
 * without SIMD, plus extended constant expressions). SIMD needs Chicory's separate SIMD module on JDK 21+ and
 * threads are not tested on it, so a module using either is refused at compile time, never run half-supported.
 */
final class ChicoryFeatures {

  /** What Chicory runs here, whatever the executor allows. */
  static final Set<WasmFeature> RUNNABLE = EnumSet.of(WasmFeature.MUTABLE_GLOBALS, WasmFeature.SIGN_EXTENSION,
      WasmFeature.SATURATING_FLOAT_TO_INT, WasmFeature.MULTI_VALUE, WasmFeature.BULK_MEMORY,
      WasmFeature.REFERENCE_TYPES, WasmFeature.EXTENDED_CONST);

  private ChicoryFeatures() {
  }

  /** The refusal of a module that uses a proposal Chicory does not run here. */
  static InvalidModuleException refusal(DisallowedFeatureException e) {
    return new InvalidModuleException("the chicory engine cannot run this module (run it on WASM_ENGINE=wasmtime): "
        + e.getMessage(), e);
  }
}
