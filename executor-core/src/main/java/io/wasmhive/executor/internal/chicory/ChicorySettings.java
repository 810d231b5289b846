package io.wasmhive.executor.internal.chicory;

import io.wasmhive.executor.WasmFeature;
import java.time.Duration;
import java.util.Set;

/**
 * How the Chicory engine is configured.
 *
 * @param features proposals modules may use (the parser has already rejected the others); the engine refuses
 *     modules that use one it cannot run ({@link ChicoryFeatures})
 * @param tick how often the deadline ticker looks at running guests: the precision of {@code max_time}
 */
public record ChicorySettings(Set<WasmFeature> features, Duration tick) {

  public ChicorySettings {
    features = Set.copyOf(features);
    if (tick.isNegative() || tick.isZero()) {
      throw new IllegalArgumentException("tick must be positive");
    }
  }
}
