package io.wasmhive.executor.bench;

import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.internal.wasm.GasCosts;
import io.wasmhive.executor.internal.wasm.Instrumenter;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import io.wasmhive.executor.internal.wasm.WasmParser;
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
 * Registration of a generated module ({@link LargeModules}) of 48 KiB and of just under 10 MiB (the module size
 * limit): the validating parse
 * alone, parse plus instrumentation, and the whole registration (parse, instrument, Cranelift compilation)
 * through {@link WasmExecutor#register}, which must compile afresh each time (cache of one, alternating two
 * modules of the same size).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegistrationBenchmark {

  @Param({"49152", "10420000"})
  public int size;

  private byte[][] modules;
  private int next;
  private WasmExecutor executor;

  @Setup(Level.Trial)
  public void setUp() {
    modules = new byte[][] {LargeModules.generate(size, 1), LargeModules.generate(size, 2)};
    executor = WasmExecutor.create(ExecutorOptions.builder().cacheSize(1).initialWorkers(0).build());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  private byte[] module() {
    next ^= 1;
    return modules[next];
  }

  @Benchmark
  public ParsedModule validate() {
    return WasmParser.parse(module(), WasmFeature.defaults());
  }

  @Benchmark
  public byte[] validateAndInstrument() {
    byte[] bytes = module();
    return Instrumenter.instrument(bytes, WasmParser.parse(bytes, WasmFeature.defaults()), GasCosts.defaults(),
        Instrumenter.Caps.NONE);
  }

  @Benchmark
  public ModuleInfo register() {
    return executor.register(module());
  }
}
