package io.wasmhive.executor.bench;

import io.wasmhive.executor.EngineChoice;
import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.Guests;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmValue;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Executions through the pool, each on a fresh instance: typed {@code add(i32,i32)}, a 1 KiB JSON echo
 * through WASI stdin/stdout, and their throughput with two caller threads, on each engine ({@code -p engine=chicory}
 * for one).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExecutorBenchmark {

  /** The engine, as {@code WASM_ENGINE} names it. */
  @Param({"wasmtime", "chicory"})
  public String engine;

  private WasmExecutor executor;
  private ExecutionTask add;
  private ExecutionTask echo;

  @Setup(Level.Trial)
  public void setUp() {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(2).initialWorkers(2)
        .engine(EngineChoice.parse(engine)).build());
    executor.register(Guests.bytes("c-add.wasm"));
    executor.register(Guests.bytes("c-echo.wasm"));
    add = ExecutionTask.builder(Guests.id("c-add.wasm")).id("bench-add")
        .entry(Entry.typed("add", WasmValue.i32(20), WasmValue.i32(22))).build();
    echo = ExecutionTask.builder(Guests.id("c-echo.wasm")).id("bench-echo").stdin(json1KiB()).build();
    check(executor.execute(add).orThrow().value().asInt() == 42, "add");
    check(executor.execute(echo).orThrow().stdout().length == 1024, "echo");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  /** Latency of one typed call through the pool (fresh instance). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int typedAddLatency() {
    return executor.execute(add).value().asInt();
  }

  /** Latency of one WASI command echoing 1 KiB of JSON. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int wasiEcho1KiBLatency() {
    return executor.execute(echo).stdout().length;
  }

  /** Executions per second of the typed call with two caller threads on two workers. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public int typedAddThroughput2Threads() {
    return executor.execute(add).value().asInt();
  }

  static byte[] json1KiB() {
    StringBuilder sb = new StringBuilder("{\"items\":[");
    int i = 0;
    while (sb.length() < 1024 - 40) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"v\":\"abcdef\"}");
      i++;
    }
    sb.append("],\"pad\":\"");
    while (sb.length() < 1024 - 2) {
      sb.append('x');
    }
    sb.append("\"}");
    byte[] out = sb.toString().getBytes(StandardCharsets.UTF_8);
    check(out.length == 1024, "1 KiB of JSON");
    return out;
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark self-check failed: " + what);
    }
  }
}
