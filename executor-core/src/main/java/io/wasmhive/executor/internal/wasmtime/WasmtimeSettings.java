package io.wasmhive.executor.internal.wasmtime;

import io.wasmhive.executor.WasmFeature;
import java.time.Duration;
import java.util.Set;

/**
 * How the Wasmtime engine is configured.
 *
 * @param features proposals the engine accepts (the parser has already rejected the others)
 * @param optimize Cranelift optimisations on ({@code WASM_ENABLE_JIT}); off compiles faster, runs slower
 * @param maxWasmStack bytes of native stack guest code may use before a stack-overflow trap
 * @param epochTick how often the epoch advances: the precision of {@code max_time}
 * @param maxInstancesPerStore instances one worker's store holds before it is replaced
 * @param maxRetainedMemoryPerStore bytes of finished instances' memory a store retains before it is replaced
 */
public record WasmtimeSettings(Set<WasmFeature> features, boolean optimize, long maxWasmStack, Duration epochTick,
                int maxInstancesPerStore, long maxRetainedMemoryPerStore) {

  public WasmtimeSettings {
    features = Set.copyOf(features);
    if (maxWasmStack < 64 * 1024) {
      throw new IllegalArgumentException("maxWasmStack must be at least 64 KiB");
    }
    if (epochTick.isNegative() || epochTick.isZero()) {
      throw new IllegalArgumentException("epochTick must be positive");
    }
    if (maxInstancesPerStore < 1 || maxRetainedMemoryPerStore < 0) {
      throw new IllegalArgumentException("store limits must be positive");
    }
  }
}
