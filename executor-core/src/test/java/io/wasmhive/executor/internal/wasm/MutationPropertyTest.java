package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kawamuray.wasmtime.WasmtimeException;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.internal.wasm.MutantExpectations.Expectation;
import io.wasmhive.executor.internal.wasm.MutantExpectations.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutants of the guest corpus ({@link Mutants}: byte flips, index and LEB128 bumps, swapped, dropped and
 * duplicated sections, truncation) against wabt's wasm-validate as the oracle. The validator must accept a
 * mutant exactly when wasm-validate with the same features does, except for the {@link KnownDifference}s
 * listed with their reasons; and every accepted mutant must register and run under tiny limits without
 * breaking any of them ({@link MutantRuns}). wasm-validate's verdicts are committed
 * ({@link MutantExpectations}); {@code scripts/mutants.sh} regenerates them
 * ({@code -Dwasmhive.mutants.regenerate=true}), which needs wabt. For a longer exploratory run against
 * wasm-validate itself, nothing written: {@code -Dwasmhive.mutants.live=true -Dwasmhive.mutants.seed=7
 * -Dwasmhive.mutants.count=50000}.
 */
class MutationPropertyTest {

  private static List<Path> sources;
  private static List<byte[]> mutants;
  private static MutantExpectations expected;

  /**
   * Where the validator and wasm-validate 1.0.32 deliberately or rightly disagree, each decided by the
   * specification (WebAssembly 2.0 plus extended constant expressions). Not among them: a constant
   * expression reading a global the module defines, which wabt 1.0.32 refuses as the validator and
   * Wasmtime 7 do (2.0 allows only imported globals there).
   */
  enum KnownDifference {
    /**
     * wabt reads the {@code name} custom section and refuses a module whose name section is malformed
     * (bad UTF-8, indices out of range or order) or placed before a known section. The specification
     * (2.0, section 5.5.3 and Appendix 7.4) says errors in a custom section's contents or placement must
     * not invalidate a module; neither the validator nor Wasmtime reads it. Such a mutant is one that
     * wasm-validate accepts with {@code --no-debug-names}.
     */
    NAME_SECTION(false, (e, refusal) -> e.verdict() == Verdict.INVALID_NAME_SECTION && refusal == null),
    /**
     * wabt 1.0.32 accepts an expression that lacks its own final {@code end}: a function body whose last
     * {@code end} closes an inner block (wabt only checks that the body's last byte is an {@code end}), and
     * a constant expression cut off by the end of its section. The specification's grammar
     * ({@code expr ::= instr* 0x0B}, section 5.4.9) requires that {@code end}; the validator says
     * "unexpected end", and the test checks that Wasmtime (wasmparser) refuses each such mutant too.
     */
    MISSING_END(true, (e, refusal) -> e.valid() && refusal != null
        && Pattern.compile("unexpected end in (function \\d+|global section|element section|data section) at offset")
            .matcher(refusal).find()),
    /**
     * wabt 1.0.32 reads a data segment's flags with the element segments' mask, so it accepts flags 3 to 7
     * (taking 4 to 7 for 0 to 3). The specification (section 5.5.12) has only 0, 1 and 2; anything else
     * is malformed, and the test checks that Wasmtime refuses each such mutant too.
     */
    DATA_SEGMENT_FLAGS(true, (e, refusal) -> e.valid() && refusal != null
        && refusal.contains("invalid data segment flags")),
    /**
     * wabt 1.0.32 compares the data count section with the data section only when there is a data section. In
     * the binary format (section 5.5.16) a missing data section is an empty vector of segments, and a data count
     * present must equal its length, so a count above 0 without a data section is malformed; the test checks
     * that Wasmtime refuses each such mutant too.
     */
    DATA_COUNT_WITHOUT_DATA(true, (e, refusal) -> e.valid() && refusal != null
        && refusal.contains("but there is no data section")),
    /** Names starting with {@code __wasmhive_} belong to the instrumenter's exports; the executor refuses them. */
    RESERVED_PREFIX(false, (e, refusal) -> e.valid() && refusal != null && refusal.contains("uses the reserved prefix")),
    /** {@link StructureCaps} bound what a module can make the parser, instrumenter and compiler allocate. */
    STRUCTURE_CAP(false, (e, refusal) -> e.valid() && refusal != null
        && Pattern.compile("exceeds the cap of|more than \\d+ |nested deeper than").matcher(refusal).find());

    /** Whether wabt wrongly accepts here: then Wasmtime (wasmparser) must refuse the module as the validator does. */
    private final boolean wasmtimeRefuses;
    private final BiPredicate<Expectation, String> matches;

    KnownDifference(boolean wasmtimeRefuses, BiPredicate<Expectation, String> matches) {
      this.wasmtimeRefuses = wasmtimeRefuses;
      this.matches = matches;
    }

    static KnownDifference of(Expectation e, String refusal) {
      for (KnownDifference d : values()) {
        if (d.matches.test(e, refusal)) {
          return d;
        }
      }
      return null;
    }
  }

  @BeforeAll
  static void generate() throws Exception {
    sources = Mutants.sources();
    if (Boolean.getBoolean("wasmhive.mutants.live")) {
      mutants = Mutants.all(Long.getLong("wasmhive.mutants.seed", Mutants.SEED),
          Integer.getInteger("wasmhive.mutants.count", Mutants.COUNT));
      Path dir = Files.createTempDirectory("mutants");
      expected = MutantExpectations.fromWasmValidate(mutants, dir);
      Files.delete(dir);
      return;
    }
    mutants = Mutants.all();
    if (Boolean.getBoolean("wasmhive.mutants.regenerate")) {
      Path dir = Files.createTempDirectory("mutants");
      expected = MutantExpectations.fromWasmValidate(mutants, dir);
      String version = "wabt " + ExternalTool.require("wasm-validate", "wabt").run(List.of("--version")).output().strip();
      expected.write(MutantExpectations.SOURCE, version);
      Files.delete(dir);
    } else {
      expected = MutantExpectations.committed();
    }
    assertThat(expected.lines()).as("expectations: regenerate with scripts/mutants.sh").hasSize(mutants.size());
    for (int i = 0; i < mutants.size(); i++) {
      assertThat(InstrumentationDifferentialTest.sha256Hex(mutants.get(i)))
          .as("mutant %d is not the one the expectations were made for: regenerate with scripts/mutants.sh", i)
          .isEqualTo(expected.lines().get(i).sha256());
    }
  }

  @Test
  void theValidatorAcceptsExactlyWhatWasmValidateAccepts() {
    List<String> disagreements = new ArrayList<>();
    Map<KnownDifference, Integer> known = new EnumMap<>(KnownDifference.class);
    int valid = 0;
    int accepted = 0;
    for (int i = 0; i < mutants.size(); i++) {
      Expectation e = expected.lines().get(i);
      String refusal = refusal(mutants.get(i));
      valid += e.valid() ? 1 : 0;
      accepted += refusal == null ? 1 : 0;
      // A module wabt refuses only for its name section is valid by the specification: the validator
      // must accept it (NAME_SECTION), so a refusal is a disagreement even though wabt refuses too.
      if (e.valid() == (refusal == null) && e.verdict() != Verdict.INVALID_NAME_SECTION) {
        continue;
      }
      KnownDifference d = KnownDifference.of(e, refusal);
      if (d != null && d.wasmtimeRefuses) {
        byte[] mutant = mutants.get(i);
        assertThatThrownBy(() -> Wasmtime.compile(mutant)).as("Wasmtime on mutant %d", i)
            .isInstanceOf(WasmtimeException.class);
      }
      if (d != null) {
        known.merge(d, 1, Integer::sum);
      } else {
        disagreements.add("mutant " + i + " (of " + source(i) + "): wasm-validate " + (e.valid() ? "accepts"
            : "refuses: " + e.error()) + "; the validator " + (refusal == null ? "accepts" : "refuses: " + refusal));
      }
    }
    System.out.printf("[mutants] %d mutants: wasm-validate accepts %d, the validator %d; known differences %s%n",
        mutants.size(), valid, accepted, known);
    assertThat(disagreements).as("disagreements with wasm-validate").isEmpty();
    assertThat(valid).as("valid mutants: the property must not be vacuous").isGreaterThan(mutants.size() / 10);
  }

  @Test
  void acceptedMutantsRunWithinTheirLimits() throws Exception {
    int accepted = 0;
    MutantRuns runs = new MutantRuns();
    ExecutorService pool = Executors.newFixedThreadPool(MutantRuns.WORKERS);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < mutants.size(); i++) {
        if (refusal(mutants.get(i)) == null) {
          accepted++;
          int index = i;
          futures.add(pool.submit(() -> runs.run("mutant " + index + " (of " + source(index) + ")", mutants.get(index))));
        }
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
      runs.close();
    }
    System.out.printf("[mutants] %d accepted mutants, %d compiled; outcomes %s%n", accepted, runs.compiled.get(), runs.outcomes);
    assertThat(runs.violations).as("broken limits").isEmpty();
    assertThat(runs.liveStores()).as("stores left after the executor closed").isZero();
    assertThat(runs.outcomes.getOrDefault("ok", 0)).as("successful executions").isGreaterThan(accepted / 4);
  }

  private static String source(int i) {
    return sources.get(i % sources.size()).getFileName().toString();
  }

  /** The validator's message when it refuses {@code mutant}, or null when it accepts it. */
  static String refusal(byte[] mutant) {
    try {
      WasmParser.parse(mutant, WasmFeature.defaults());
      return null;
    } catch (ExecutorException e) {
      assertThat(e.getCause()).as("parser defect: %s", e.getMessage()).isNull();
      return e.getMessage();
    }
  }
}
