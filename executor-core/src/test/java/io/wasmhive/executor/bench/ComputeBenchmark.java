package io.wasmhive.executor.bench;

import io.wasmhive.executor.Guests;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.internal.wasm.GasCosts;
import io.wasmhive.executor.internal.wasm.Instrumentation;
import io.wasmhive.executor.internal.wasm.Instrumenter;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import io.wasmhive.executor.internal.wasm.WasmParser;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SHA-256 of 1 MiB in the C guest ({@code sha256_repeat(1024)}), on one warm instance, with and without
 * gas instrumentation: the difference is the metering overhead. The same C compiled natively with
 * gcc -O2 is timed by {@code bench/run-benchmarks.sh} in the same run.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ComputeBenchmark {

  private static final int EXPECTED = 471184948;

  @Param({"instrumented", "original"})
  public String variant;

  private WasmtimeEngine engine;
  private EngineModule module;
  private EngineInstance instance;
  private boolean instrumented;

  @Setup(Level.Trial)
  public void setUp() {
    engine = new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024, Duration.ofMillis(2),
        256, 64L << 20));
    byte[] bytes = Guests.bytes("c-sha256.wasm");
    instrumented = variant.equals("instrumented");
    if (instrumented) {
      ParsedModule parsed = WasmParser.parse(bytes, WasmFeature.defaults());
      bytes = Instrumenter.instrument(bytes, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE);
    }
    module = engine.compile(bytes);
    instance = module.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + TimeUnit.HOURS.toNanos(1)));
    refill();
    instance.call("_initialize");
    ExecutorBenchmark.check(hash() == EXPECTED, "sha256_repeat(1024)");
  }

  private void refill() {
    if (instrumented) {
      instance.call(Instrumentation.SET_LIMITS, WasmValue.i64(Long.MAX_VALUE / 2), WasmValue.i32(1024));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    instance.close();
    module.close();
    engine.close();
  }

  /** One SHA-256 over 1 MiB. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int sha256OneMiB() {
    return hash();
  }

  private int hash() {
    instance.deadline(System.nanoTime() + TimeUnit.MINUTES.toNanos(1));
    return instance.call("sha256_repeat", WasmValue.i32(1024))[0].asInt();
  }
}
