package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instrumentation changes nothing a guest can observe, on modules nobody wrote: binaryen generates
 * {@code wasmhive.fuzz.modules} modules (default {@value #DEFAULT_MODULES}) from seeds starting at
 * {@code wasmhive.fuzz.seed} ({@link TranslateToFuzz}); the validator must accept each, and the original
 * and the instrumented bytes must give the same transcript on Wasmtime ({@link GeneratedRun}: every
 * result or trap kind, everything logged, the final memory), and two instrumented runs the same gas.
 *
 * <p>A run gets {@value #BUDGET_MS} ms. Both sides timing out counts as agreement (on the calls both
 * completed) but is counted, and most modules must complete; one side alone timing out is retried with
 * {@value #RETRY_BUDGET_MS} ms, since metering makes the instrumented side slower. Timeouts are rare: binaryen's
 * hang limit, reset before every call as binaryen's own harness does, bounds loops and recursion (none timed out
 * in seeds 1 to 7000). Cranelift optimises as in
 * production ({@code -Dwasmhive.fuzz.optimize=false} turns that off). A longer local run:
 * {@code ./mvnw -pl executor-core test -Dtest=GeneratedModulesDifferentialTest -Dwasmhive.fuzz.modules=10000}.
 */
class GeneratedModulesDifferentialTest {

  static final int DEFAULT_MODULES = 1500;
  static final long BUDGET_MS = 200;
  static final long RETRY_BUDGET_MS = 2000;
  private static final int MAX_REPORTED = 20;

  private final Counts counts = new Counts();
  private final List<String> failures = new ArrayList<>();

  @Test
  void originalAndInstrumentedBytesAgreeOnGeneratedModules(@TempDir Path dir) throws Exception {
    int n = Integer.getInteger("wasmhive.fuzz.modules", DEFAULT_MODULES);
    long first = Long.getLong("wasmhive.fuzz.seed", 1L);
    boolean optimize = Boolean.parseBoolean(System.getProperty("wasmhive.fuzz.optimize", "true"));
    TranslateToFuzz ttf = new TranslateToFuzz(dir);
    ExecutorService generators = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    try (WasmtimeEngine engine = new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), optimize, 512 * 1024,
        Duration.ofMillis(2), 256, 64L << 20))) {
      Deque<Future<byte[]>> ahead = new ArrayDeque<>();
      for (long seed = first; seed < first + n; seed++) {
        while (ahead.size() < 4 && seed + ahead.size() < first + n) {
          long next = seed + ahead.size();
          ahead.add(generators.submit(() -> ttf.generate(next)));
        }
        check(engine, seed, ahead.poll().get());
      }
      engine.releaseThreadResources();
      assertThat(engine.liveStores()).as("stores left open").isZero();
    } finally {
      generators.shutdownNow();
      generators.awaitTermination(1, TimeUnit.MINUTES);
    }
    System.out.printf("[generated-modules] seeds %d..%d: %s in %d s%n", first, first + n - 1, counts,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    assertThat(failures).as("disagreements (%s)", counts).isEmpty();
    assertThat(counts.accepted).isEqualTo(n);
    assertThat(counts.compared).as("modules that completed within the budget").isGreaterThan(n / 2);
    assertThat(counts.logs).as("lines logged: the comparison must not be vacuous").isGreaterThan(n);
  }

  @Test
  void theHarnessSeesLogsTrapsAndTheStartFunctionOnBothSides() {
    byte[] wasm = new TinyModule().type(TinyModule.params(TinyModule.I32)).type(new int[0])
        .importFunc(FuzzingSupport.MODULE, "log-i32", 0)
        .func(1, 0x41, 7, 0x10, 0)
        .func(1, 0x41, 8, 0x10, 0, 0x00)
        .start(1).export("trapper", 0, 2).build();
    ParsedModule parsed = WasmParser.parse(wasm, WasmFeature.defaults());
    byte[] instrumented = Instrumenter.instrument(wasm, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE);
    try (WasmtimeEngine engine = new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), false, 512 * 1024,
        Duration.ofMillis(2), 256, 64L << 20));
       EngineModule original = engine.compile(wasm); EngineModule metered = engine.compile(instrumented)) {
      long budget = TimeUnit.MILLISECONDS.toNanos(BUDGET_MS);
      List<String> expected = List.of("log-i32 7", "log-i32 8", "trapper[] = trap:UNREACHABLE");
      assertThat(GeneratedRun.run(original, parsed, false, 1, budget).transcript).isEqualTo(expected);
      GeneratedRun run = GeneratedRun.run(metered, parsed, true, 1, budget);
      assertThat(run.transcript).isEqualTo(expected);
      assertThat(run.gasLeft).hasSize(1).allSatisfy(left -> assertThat(left).isLessThan(GeneratedRun.GAS));
    }
  }

  private void check(WasmtimeEngine engine, long seed, byte[] wasm) throws ExecutionException {
    counts.generated++;
    ParsedModule parsed;
    try {
      parsed = WasmParser.parse(wasm, WasmFeature.defaults());
    } catch (ExecutorException e) {
      fail(seed, "the validator refuses a module binaryen generated: " + e.getMessage());
      return;
    }
    counts.accepted++;
    byte[] instrumented = Instrumenter.instrument(wasm, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE);
    try (EngineModule original = engine.compile(wasm); EngineModule metered = engine.compile(instrumented)) {
      Verdict v = compare(original, metered, parsed, seed, BUDGET_MS);
      if (v == Verdict.ONE_SIDED) {
        counts.retried++;
        v = compare(original, metered, parsed, seed, RETRY_BUDGET_MS);
      }
      switch (v) {
        case AGREED -> counts.compared++;
        case BOTH_TIMED_OUT -> counts.timedOut++;
        case ONE_SIDED -> fail(seed, "only one side times out, even with " + RETRY_BUDGET_MS + " ms");
        default -> { }
      }
    }
  }

  private enum Verdict { AGREED, BOTH_TIMED_OUT, ONE_SIDED, DIFFERENT }

  private Verdict compare(EngineModule original, EngineModule metered, ParsedModule parsed, long seed, long budgetMs) {
    long budget = TimeUnit.MILLISECONDS.toNanos(budgetMs);
    GeneratedRun a = GeneratedRun.run(original, parsed, false, seed, budget);
    GeneratedRun b = GeneratedRun.run(metered, parsed, true, seed, budget);
    GeneratedRun again = GeneratedRun.run(metered, parsed, true, seed, budget);
    if (a.timedOut() || b.timedOut() || again.timedOut()) {
      if (!(a.timedOut() && b.timedOut() && again.timedOut())) {
        return Verdict.ONE_SIDED;
      }
      int common = Math.min(a.timedOutAt, Math.min(b.timedOutAt, again.timedOutAt));
      return same(seed, "before the timeout", a.transcript.subList(0, common), b.transcript.subList(0, common))
          ? Verdict.BOTH_TIMED_OUT : Verdict.DIFFERENT;
    }
    counts.add(a);
    if (!same(seed, "original vs instrumented", a.transcript, b.transcript)
        || !same(seed, "instrumented run 1 vs 2", b.transcript, again.transcript)) {
      return Verdict.DIFFERENT;
    }
    if (!b.gasLeft.equals(again.gasLeft)) {
      fail(seed, "gas left after each call differs between two instrumented runs: " + b.gasLeft + " vs " + again.gasLeft);
      return Verdict.DIFFERENT;
    }
    return Verdict.AGREED;
  }

  private boolean same(long seed, String what, List<String> expected, List<String> actual) {
    int at = 0;
    while (at < expected.size() && at < actual.size() && expected.get(at).equals(actual.get(at))) {
      at++;
    }
    if (at == expected.size() && at == actual.size()) {
      return true;
    }
    fail(seed, what + " first differ at line " + at + ": " + line(expected, at) + " | " + line(actual, at));
    return false;
  }

  private static String line(List<String> lines, int at) {
    return at < lines.size() ? lines.get(at) : "(end)";
  }

  private void fail(long seed, String message) {
    counts.failed++;
    if (failures.size() < MAX_REPORTED) {
      failures.add("seed " + seed + " (-Dwasmhive.fuzz.seed=" + seed + " -Dwasmhive.fuzz.modules=1): " + message);
    }
  }

  /** What the run saw. */
  static final class Counts {
    int generated;
    int accepted;
    int compared;
    int timedOut;
    int retried;
    int failed;
    long calls;
    long traps;
    long logs;

    void add(GeneratedRun run) {
      calls += run.calls;
      traps += run.traps;
      logs += run.logs();
    }

    @Override
    public String toString() {
      return "generated " + generated + ", accepted " + accepted + ", compared " + compared + ", both timed out "
          + timedOut + ", retried " + retried + ", failed " + failed + "; original runs made " + calls
          + " calls (" + traps + " trapped) and logged " + logs + " lines";
    }
  }
}
