package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.EngineChoice;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.chicory.ChicoryEngine;
import io.wasmhive.executor.internal.chicory.ChicorySettings;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.time.Duration;

/**
 * The two engines the engine-differential tests compare: Wasmtime as the reference, and the candidate named by
 * {@code -Dwasmhive.differential.engine} ({@value #DEFAULT_CANDIDATE} by default; {@code wasmtime} compares
 * Wasmtime with a second Wasmtime engine, which checks the harness itself).
 */
final class DifferentialEngines {

  static final String DEFAULT_CANDIDATE = "chicory";

  private DifferentialEngines() {
  }

  /** Wasmtime as the executor configures it (Cranelift optimising, canonical NaNs). */
  static WasmEngine reference() {
    return wasmtime();
  }

  /** The engine under test. */
  static WasmEngine candidate() {
    String name = candidateName();
    return switch (name) {
      case "chicory" -> new ChicoryEngine(new ChicorySettings(WasmFeature.defaults(), Duration.ofMillis(2)));
      case "wasmtime" -> wasmtime();
      default -> throw new IllegalArgumentException("unknown engine '" + name + "' in wasmhive.differential.engine");
    };
  }

  /** The candidate as the executor's {@code WASM_ENGINE} choice. */
  static EngineChoice candidateChoice() {
    return EngineChoice.parse(candidateName());
  }

  static String candidateName() {
    return System.getProperty("wasmhive.differential.engine", DEFAULT_CANDIDATE);
  }

  private static WasmEngine wasmtime() {
    return new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024, Duration.ofMillis(2),
        256, 64L << 20));
  }
}
