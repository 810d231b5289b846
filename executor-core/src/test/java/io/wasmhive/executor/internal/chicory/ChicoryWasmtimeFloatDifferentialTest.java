package io.wasmhive.executor.internal.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.Guests;
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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every float instruction of {@code wat-nan.wasm} on both engines, over NaNs of every sign, payload and kind,
 * infinities, zeros and seeded random bit patterns: the result bits must be identical. The calls run often enough
 * that Chicory's generated code runs both in the JVM's interpreter and JIT-compiled.
 */
class ChicoryWasmtimeFloatDifferentialTest {

  private static final int[] F32 = {0x7fc00000, 0xffc00000, 0x7fa00001, 0xffb00002, 0x7fc12345, 0x7f800000,
    0xff800000, 0, 0x80000000, 0x3f800000, 0xbf800000, 0x00000001, 0x7f7fffff};
  private static final long[] F64 = {0x7ff8000000000000L, 0xfff8000000000000L, 0x7ff4000000000001L,
    0xfff0000000000002L, 0x7ff8123456789abcL, 0x7ff0000000000000L, 0xfff0000000000000L, 0, 0x8000000000000000L,
    0x3ff0000000000000L, 0xbff0000000000000L, 1, 0x7fefffffffffffffL};
  private static final List<String> BINARY = List.of("add", "sub", "mul", "div", "min", "max", "copysign");
  private static final List<String> UNARY = List.of("sqrt", "ceil", "floor", "trunc", "nearest", "abs", "neg");

  private WasmEngine wasmtime;
  private WasmEngine chicory;
  private EngineInstance w;
  private EngineInstance c;
  private final List<String> differences = new ArrayList<>();
  private int nanResults;

  @BeforeEach
  void start() {
    wasmtime = new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024, Duration.ofMillis(2),
        256, 64L << 20));
    chicory = new ChicoryEngine(new ChicorySettings(WasmFeature.defaults(), Duration.ofMillis(2)));
    w = instantiate(wasmtime);
    c = instantiate(chicory);
  }

  private static EngineInstance instantiate(WasmEngine engine) {
    EngineModule module = engine.compile(Guests.bytes("wat-nan.wasm"));
    return module.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 60_000_000_000L));
  }

  @AfterEach
  void stop() {
    w.close();
    c.close();
    wasmtime.releaseThreadResources();
    wasmtime.close();
    chicory.close();
  }

  private void compare(String export, WasmValue... args) {
    long expected = w.call(export, args)[0].bits();
    long actual = c.call(export, args)[0].bits();
    if (expected != actual) {
      differences.add(String.format("%s%s: wasmtime %x, chicory %x", export, List.of(args), expected, actual));
    }
    boolean f32Result = export.startsWith("f32");
    if (f32Result ? Float.isNaN(Float.intBitsToFloat((int) expected)) : Double.isNaN(Double.longBitsToDouble(expected))) {
      nanResults++;
    }
  }

  private void everyInstruction(int[] f32, long[] f64) {
    for (String op : BINARY) {
      for (int a : f32) {
        for (int b : f32) {
          compare("f32_" + op, WasmValue.i32(a), WasmValue.i32(b));
        }
      }
      for (long a : f64) {
        for (long b : f64) {
          compare("f64_" + op, WasmValue.i64(a), WasmValue.i64(b));
        }
      }
    }
    for (String op : UNARY) {
      for (int a : f32) {
        compare("f32_" + op, WasmValue.i32(a));
      }
      for (long a : f64) {
        compare("f64_" + op, WasmValue.i64(a));
      }
    }
    for (long a : f64) {
      compare("f32_demote", WasmValue.i64(a));
    }
    for (int a : f32) {
      compare("f64_promote", WasmValue.i32(a));
      compare("f32_through_memory", WasmValue.i32(a));
    }
  }

  @Test
  void everyFloatInstructionGivesWasmtimesBitsOnSpecialAndRandomValues() {
    for (int round = 0; round < 20; round++) {
      everyInstruction(F32, F64);
    }
    SplittableRandom random = new SplittableRandom(21);
    for (int round = 0; round < 30; round++) {
      int[] f32 = new int[8];
      long[] f64 = new long[8];
      for (int i = 0; i < 8; i++) {
        // Half of them NaNs with random payloads and signs.
        f32[i] = i % 2 == 0 ? random.nextInt() : 0x7f800000 | random.nextInt(1, 0x800000) | random.nextInt(2) << 31;
        f64[i] = i % 2 == 0 ? random.nextLong() : 0x7ff0000000000000L | random.nextLong(1, 1L << 52) | (long) random.nextInt(2) << 63;
      }
      everyInstruction(f32, f64);
    }
    assertThat(nanResults).as("NaN-producing cases compared").isGreaterThan(10_000);
    assertThat(differences).as("bit differences").isEmpty();
  }
}
