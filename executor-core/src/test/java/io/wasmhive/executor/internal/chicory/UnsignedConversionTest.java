package io.wasmhive.executor.internal.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code f32.convert_i64_u} and {@code f64.convert_i64_u} round to nearest even on both engines, top bit set or not.
 * Chicory 1.7.5 rounded such values upwards (found by the engine-differential test, seed 238:
 * {@code 0x800000000005455c} gave {@code 0x5f000001}); the NaN canonicaliser's rewrite replaces them.
 */
class UnsignedConversionTest {

  /** {@code f32(i64) -> f32} = {@code f32.convert_i64_u}, {@code f64(i64) -> f64} = {@code f64.convert_i64_u}. */
  private static final byte[] CONVERSIONS = HexFormat.of().parseHex("0061736d01000000010b0260017e017d60017e017c03030200"
      + "01070d020366333200000366363400010a0d0205002000b50b05002000ba0b");

  @Test
  void unsignedConversionsRoundToNearestOnBothEngines() {
    List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x800000000005455cL,
        0x8000008000000000L, 0x8000018000000000L, 0x8000000000000400L, 0x8000000000000c00L, 0x8000000000000401L,
        0xFFFFFF7FFFFFFFFFL, 0xFFFFFFFFFFFFFBFFL, 1L << 53, (1L << 53) + 1));
    Random random = new Random(15);
    for (int i = 0; i < 5000; i++) {
      values.add(random.nextLong() | Long.MIN_VALUE);
      values.add(random.nextLong() >>> random.nextInt(64));
    }
    for (WasmEngine engine : List.of(new ChicoryEngine(new ChicorySettings(WasmFeature.defaults(), Duration.ofMillis(2))),
        new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024, Duration.ofMillis(2), 256,
            64L << 20)))) {
      try (engine; EngineModule module = engine.compile(CONVERSIONS);
           EngineInstance instance = module.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 30_000_000_000L))) {
        for (long x : values) {
          // Parsing the exact decimal value rounds correctly: the reference.
          String exact = Long.toUnsignedString(x);
          assertThat(instance.call("f32", WasmValue.i64(x))).as("%s f32.convert_i64_u %s", engine.name(), exact)
              .containsExactly(WasmValue.f32(Float.parseFloat(exact)));
          assertThat(instance.call("f64", WasmValue.i64(x))).as("%s f64.convert_i64_u %s", engine.name(), exact)
              .containsExactly(WasmValue.f64(Double.parseDouble(exact)));
        }
        engine.releaseThreadResources();
      }
    }
  }
}
