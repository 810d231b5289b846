package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.EngineChoice;
import io.wasmhive.executor.ErrorKind;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.Guests;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.host.RpcCalls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Both engines give the same result for every execution of the guest corpus ({@link CorpusTasks}), run through the
 * whole executor, one per engine as {@code WASM_ENGINE} chooses it ({@link ExecutorOptions#engine()}; the candidate
 * from {@link DifferentialEngines}): the error's kind, trap code and message,
 * exit code, typed values (raw bits), bytes output, stdout, stderr, gas used, and the RPC requests and progress
 * reports the guest made, in order. The one part of a message that is the engine's own wording (the parenthesised
 * detail after a trap code) is left out; the one execution that ends in a stack overflow compares everything but
 * its gas ({@link CorpusTask#gasEngineDefined}).
 */
class CorpusEnginesDifferentialTest {

  /**
   * The page cap of the engine-boundary runs: the most an executor allows ({@link ExecutorOptions#MAX_MEMORY_LIMIT}).
   * Above it the engines' own limits decide (Wasmtime grows to 65536 pages, Chicory to 32767), which no execution
   * can reach.
   */
  private static final int MAX_PAGES = (int) (ExecutorOptions.MAX_MEMORY_LIMIT / 65536);

  @Test
  void everyCorpusExecutionGivesTheSameResultOnBothEngines() {
    List<CorpusTask> tasks = CorpusTasks.all();
    List<String> mismatches = new ArrayList<>();
    Map<ErrorKind, Integer> kinds = new EnumMap<>(ErrorKind.class);
    int succeeded = 0;
    long start = System.nanoTime();
    try (WasmExecutor reference = executor(EngineChoice.WASMTIME);
         WasmExecutor candidate = executor(DifferentialEngines.candidateChoice())) {
      for (CorpusTask task : tasks) {
        Observation expected = observe(reference, task);
        Observation actual = observe(candidate, task);
        if (!expected.lines().equals(actual.lines())) {
          mismatches.add(task + ":\n  wasmtime: " + expected.lines() + "\n  " + DifferentialEngines.candidateName() + ": "
              + actual.lines());
        }
        if (expected.error() == null) {
          succeeded++;
        } else {
          kinds.merge(expected.error().kind(), 1, Integer::sum);
        }
      }
    }
    System.out.printf("[engine-differential] corpus, wasmtime vs %s: %d executions (%d succeeded, errors %s), %d mismatches"
        + " in %d s%n", DifferentialEngines.candidateName(), tasks.size(), succeeded, kinds, mismatches.size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    mismatches.forEach(m -> System.out.println("[engine-differential] MISMATCH " + m));
    assertThat(mismatches).as("executions whose results differ").isEmpty();
    // Not vacuous: results, and every way an execution can end that an engine decides.
    assertThat(succeeded).isGreaterThan(tasks.size() / 2);
    assertThat(kinds).containsKeys(ErrorKind.TRAP, ErrorKind.OUT_OF_GAS, ErrorKind.MEMORY_LIMIT, ErrorKind.OUTPUT_LIMIT,
        ErrorKind.INVALID_MODULE, ErrorKind.UNKNOWN_IMPORT).doesNotContainKeys(ErrorKind.TIMEOUT, ErrorKind.INTERNAL);
  }

  /**
   * The instrumentation test's case table at the engine boundary, one instance per case with its calls in sequence
   * (the page cap at {@link #MAX_PAGES}): the same results, stdio, gas and final linear memory, byte for byte.
   */
  @Test
  void everyCaseOfTheCaseTableLeavesTheSameMemoryOnBothEngines() {
    List<String> mismatches = new ArrayList<>();
    Map<String, EngineModule> referenceModules = new HashMap<>();
    Map<String, EngineModule> candidateModules = new HashMap<>();
    List<InstrumentationDifferentialTest.Case> cases = InstrumentationDifferentialTest.cases();
    try (WasmEngine reference = DifferentialEngines.reference(); WasmEngine candidate = DifferentialEngines.candidate();
         RpcCalls rpcCalls = new RpcCalls()) {
      for (InstrumentationDifferentialTest.Case c : cases) {
        InstrumentationDifferentialTest.Outcome expected = InstrumentationDifferentialTest.run(reference, referenceModules,
            rpcCalls, c, true, MAX_PAGES);
        InstrumentationDifferentialTest.Outcome actual = InstrumentationDifferentialTest.run(candidate, candidateModules,
            rpcCalls, c, true, MAX_PAGES);
        try {
          InstrumentationDifferentialTest.assertSame(c, expected, actual);
          assertThat(actual.gasUsed).as("gas used by %s", c).isEqualTo(expected.gasUsed);
        } catch (AssertionError e) {
          mismatches.add(e.getMessage());
        }
      }
      referenceModules.values().forEach(EngineModule::close);
      candidateModules.values().forEach(EngineModule::close);
      reference.releaseThreadResources();
      candidate.releaseThreadResources();
    }
    mismatches.forEach(m -> System.out.println("[engine-differential] MISMATCH " + m));
    assertThat(mismatches).as("cases that differ, of %d", cases.size()).isEmpty();
    assertThat(cases).hasSizeGreaterThan(80);
  }

  @Test
  void theTasksRunEveryFileOfTheCorpus() {
    Set<String> run = CorpusTasks.all().stream().map(CorpusTask::module).collect(Collectors.toCollection(TreeSet::new));
    Set<String> files = Corpus.modules().stream().map(p -> p.getFileName().toString())
        .collect(Collectors.toCollection(TreeSet::new));
    files.add("not-wasm.bin");
    assertThat(files).hasSizeGreaterThan(80);
    assertThat(run).containsExactlyElementsOf(files);
  }

  /** An executor on the engine {@code WASM_ENGINE} would choose. */
  private static WasmExecutor executor(EngineChoice engine) {
    // Generous time: every execution ends by its own logic, by gas or by a limit, never by max_time.
    return WasmExecutor.create(ExecutorOptions.builder().engine(engine).maxWorkers(1).initialWorkers(1)
        .defaultPolicy(new Policy(0, 0, 30_000, 0)).build());
  }

  /** What an execution produced, field by field, and its error. */
  record Observation(ExecutorException error, List<String> lines) {
  }

  static Observation observe(WasmExecutor executor, CorpusTask task) {
    List<String> hostCalls = Collections.synchronizedList(new ArrayList<>());
    ExecutionResult r = executor.execute(task.build(hostCalls));
    List<String> lines = new ArrayList<>();
    lines.add("error " + describe(r.error()));
    lines.add("exit " + r.exitCode());
    lines.add("values " + r.values().stream().map(CorpusEnginesDifferentialTest::bits).toList());
    lines.add("output " + bytes(r.output()));
    lines.add("stdout " + bytes(r.stdout()));
    lines.add("stderr " + bytes(r.stderr()));
    if (!task.gasEngineDefined()) {
      lines.add("gas " + r.gasUsed());
    }
    synchronized (hostCalls) {
      lines.addAll(hostCalls);
    }
    return new Observation(r.error(), lines);
  }

  private static String describe(ExecutorException e) {
    if (e == null) {
      return "none";
    }
    String message = e.getMessage();
    if (e instanceof TrapException t) {
      String engineWords = "the guest trapped: " + t.trapCode() + " (";
      if (message.startsWith(engineWords)) {
        message = message.substring(0, engineWords.length() - 2);
      }
      return e.kind() + " " + t.trapCode() + ": " + message;
    }
    return e.kind() + ": " + message;
  }

  private static String bits(WasmValue v) {
    return v.type() + ":" + Long.toHexString(v.bits());
  }

  private static String bytes(byte[] b) {
    if (b == null) {
      return "none";
    }
    String text = b.length <= 256 ? " " + new String(b, StandardCharsets.ISO_8859_1).replace("\n", "\\n") : "";
    return b.length + " bytes, sha256 " + InstrumentationDifferentialTest.sha256Hex(b) + text;
  }
}
