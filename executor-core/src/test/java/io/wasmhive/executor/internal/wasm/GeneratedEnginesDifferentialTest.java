package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.WasmEngine;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both engines give bit-identical runs of modules nobody wrote: binaryen generates {@code wasmhive.differential.modules}
 * modules (default {@value #DEFAULT_MODULES}; {@code scripts/diff-engines.sh} runs thousands) from seeds starting at
 * {@code wasmhive.differential.seed} ({@link TranslateToFuzz}); each one the project's parser accepts is instrumented and
 * run on the reference and the candidate engine ({@link DifferentialEngines}) as {@link EngineRun} describes, and the
 * two transcripts must be equal line for line: result bits (NaNs included), trap kinds, logged calls and arguments,
 * gas left and the memory's SHA-256 after every call. A quarter of the modules get a small gas budget, so that calls
 * run out of gas part-way and must do so at the same instruction on both.
 */
class GeneratedEnginesDifferentialTest {

  static final int DEFAULT_MODULES = 300;
  /** Gas per call for most modules: far more than binaryen's hang limit lets a call use. */
  static final long GAS = 100_000_000L;
  private static final int MAX_REPORTED = 20;
  /**
   * Chicory's documented refusal (ADR 0021): a function too large for one JVM method. Counted, not compared; any other
   * refusal is a mismatch.
   */
  private static final String TOO_LARGE = "too large to compile to one JVM method";

  private final DifferentialCounts counts = new DifferentialCounts();
  private final List<String> failures = new ArrayList<>();

  @Test
  void bothEnginesGiveIdenticalRunsOfGeneratedModules(@TempDir Path dir) throws Exception {
    int n = Integer.getInteger("wasmhive.differential.modules", DEFAULT_MODULES);
    long first = Long.getLong("wasmhive.differential.seed", 1L);
    TranslateToFuzz ttf = new TranslateToFuzz(dir);
    ExecutorService generators = Executors.newFixedThreadPool(2);
    long start = System.nanoTime();
    try (WasmEngine reference = DifferentialEngines.reference(); WasmEngine candidate = DifferentialEngines.candidate()) {
      Deque<Future<byte[]>> ahead = new ArrayDeque<>();
      for (long seed = first; seed < first + n; seed++) {
        while (ahead.size() < 4 && seed + ahead.size() < first + n) {
          long next = seed + ahead.size();
          ahead.add(generators.submit(() -> ttf.generate(next)));
        }
        check(reference, candidate, seed, ahead.poll().get());
      }
      reference.releaseThreadResources();
      candidate.releaseThreadResources();
    } finally {
      generators.shutdownNow();
      generators.awaitTermination(1, TimeUnit.MINUTES);
    }
    System.out.printf("[engine-differential] wasmtime vs %s, seeds %d..%d: %s in %d s%n", DifferentialEngines.candidateName(),
        first, first + n - 1, counts, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    failures.forEach(f -> System.out.println("[engine-differential] MISMATCH " + f));
    assertThat(failures).as("mismatches (%s)", counts).isEmpty();
    assertThat(counts.compared).as("modules compared").isGreaterThanOrEqualTo((n + 1) / 2);
    assertThat(counts.refusedByCandidate).as("modules the candidate refuses as too large").isLessThanOrEqualTo(n / 100);
    if (n >= 100) {
      // The comparison is not vacuous: it saw logging, NaNs, traps and calls running out of gas.
      assertThat(counts.logs).as("calls of the logging imports").isGreaterThan(n);
      assertThat(counts.nans).as("NaN results").isPositive();
      assertThat(counts.traps).as("traps").isPositive();
      assertThat(counts.outOfGas).as("calls out of gas").isPositive();
    }
  }

  @Test
  void theTranscriptShowsLogsNanBitsMemoryAndRunningOutOfGasOnBothEngines() {
    byte[] wasm = new TinyModule().type(TinyModule.params(TinyModule.I32)).type(new int[0], TinyModule.F32)
        .type(new int[0])
        .importFunc(FuzzingSupport.MODULE, "log-i32", 0)
        // nan: logs 7, returns 0/0 (Wasmtime's canonical NaN is 7fc00000, whatever the hardware gives)
        .func(1, 0x41, 7, 0x10, 0, 0x43, 0, 0, 0, 0, 0x43, 0, 0, 0, 0, 0x95)
        // store: memory[3] = 42
        .func(2, 0x41, 3, 0x41, 42, 0x3A, 0, 0)
        // spin: loop forever
        .func(2, 0x03, 0x40, 0x0C, 0, 0x0B)
        .memory(1, null).export("nan", 0, 1).export("store", 0, 2).export("spin", 0, 3).export("memory", 2, 0).build();
    ParsedModule parsed = WasmParser.parse(wasm, WasmFeature.defaults());
    byte[] instrumented = Instrumenter.instrument(wasm, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE);
    byte[] page = new byte[65536];
    page[3] = 42;
    String stored = "memory 65536 bytes, sha256 " + InstrumentationDifferentialTest.sha256Hex(page);
    try (WasmEngine reference = DifferentialEngines.reference(); WasmEngine candidate = DifferentialEngines.candidate();
        EngineModule ref = reference.compile(instrumented); EngineModule cand = candidate.compile(instrumented)) {
      for (EngineModule module : List.of(ref, cand)) {
        EngineRun run = EngineRun.run(module, parsed, 1, 1000);
        assertThat(run.transcript).hasSize(4);
        assertThat(run.transcript.get(0)).isEqualTo("log-i32 7");
        assertThat(run.transcript.get(1)).startsWith("nan[] = F32:7fc00000; gas left ").endsWith("; memory 65536 bytes, sha256 "
            + InstrumentationDifferentialTest.sha256Hex(new byte[65536]));
        assertThat(run.transcript.get(2)).startsWith("store[] = ok; gas left ").endsWith(stored);
        assertThat(run.transcript.get(3)).startsWith("spin[] = trap:").contains("; gas left -").endsWith(stored);
        assertThat(run.nans).isEqualTo(1);
        assertThat(run.outOfGas).isEqualTo(1);
        assertThat(run.stopped).isNull();
        // Another budget is another transcript: gas is part of what is compared.
        assertThat(EngineRun.run(module, parsed, 1, 1001).transcript).isNotEqualTo(run.transcript);
      }
      assertThat(EngineRun.run(cand, parsed, 1, 1000).transcript).isEqualTo(EngineRun.run(ref, parsed, 1, 1000).transcript);
      reference.releaseThreadResources();
      candidate.releaseThreadResources();
    }
  }

  /** The gas each call of the module for {@code seed} gets: between 1 and 10^5 for a quarter of the seeds, else {@link #GAS}. */
  static long gasFor(long seed) {
    Random random = new Random(~seed);
    // Log-uniform from 1 to 10^5: most calls of binaryen's modules cost a few hundred to a few thousand.
    return random.nextInt(4) == 0 ? (long) Math.pow(10, 5 * random.nextDouble()) : GAS;
  }

  private void check(WasmEngine reference, WasmEngine candidate, long seed, byte[] wasm) {
    counts.generated++;
    ParsedModule parsed;
    try {
      parsed = WasmParser.parse(wasm, WasmFeature.defaults());
    } catch (ExecutorException e) {
      counts.rejected++;
      return;
    }
    byte[] instrumented = Instrumenter.instrument(wasm, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE);
    long gas = gasFor(seed);
    EngineRun a;
    EngineRun b;
    try (EngineModule ref = reference.compile(instrumented)) {
      a = EngineRun.run(ref, parsed, seed, gas);
    }
    try (EngineModule cand = candidate.compile(instrumented)) {
      b = EngineRun.run(cand, parsed, seed, gas);
    } catch (InvalidModuleException e) {
      if (e.getMessage().contains(TOO_LARGE)) {
        counts.refusedByCandidate++;
      } else {
        fail(seed, "the candidate refuses the module: " + e.getMessage());
      }
      return;
    }
    compare(seed, a, b);
  }

  private void compare(long seed, EngineRun a, EngineRun b) {
    if ("error".equals(a.stopped) || "error".equals(b.stopped)) {
      fail(seed, "an engine failed: " + last(a.transcript) + " | " + last(b.transcript));
      return;
    }
    if ("timeout".equals(a.stopped) != "timeout".equals(b.stopped)) {
      fail(seed, "only one engine timed out: " + last(a.transcript) + " | " + last(b.transcript));
      return;
    }
    if (!same(seed, a.transcript, b.transcript)) {
      return;
    }
    if ("timeout".equals(a.stopped)) {
      counts.timedOut++;
      return;
    }
    counts.compared++;
    counts.add(a);
  }

  private boolean same(long seed, List<String> expected, List<String> actual) {
    int at = 0;
    while (at < expected.size() && at < actual.size() && expected.get(at).equals(actual.get(at))) {
      at++;
    }
    if (at == expected.size() && at == actual.size()) {
      return true;
    }
    fail(seed, "transcripts first differ at line " + at + ": wasmtime " + line(expected, at) + " | "
        + DifferentialEngines.candidateName() + " " + line(actual, at));
    return false;
  }

  private static String line(List<String> lines, int at) {
    return at < lines.size() ? lines.get(at) : "(end)";
  }

  private static String last(List<String> lines) {
    return lines.isEmpty() ? "(nothing)" : lines.get(lines.size() - 1);
  }

  private void fail(long seed, String message) {
    counts.mismatches++;
    if (failures.size() < MAX_REPORTED) {
      failures.add("seed " + seed + " (-Dwasmhive.differential.seed=" + seed + " -Dwasmhive.differential.modules=1): "
          + message);
    }
  }
}
