package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.dylibso.chicory.wasm.Parser;
import io.github.kawamuray.wasmtime.Config;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Module;
import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The coverage-guided fuzz target of the parser, validator and instrumenter (docs/fuzzing.md), seeded with the
 * small modules of the guest corpus. Any bytes end in one of the two documented module exceptions (no cause: a
 * cause marks a defect wrapped by the parser) or in a module that Wasmtime, an independent validator with every
 * proposal the engine runs, also accepts. One known difference: extended constant expressions, which Wasmtime 7
 * cannot read and the instrumenter folds away. The instrumented form, with no caps and with small ones, always
 * compiles in Wasmtime and parses in Chicory (not in this validator, which refuses the reserved names the
 * instrumentation adds); small caps may refuse a module with the documented {@link IllegalArgumentException}. Each
 * input must take under {@link #PER_INPUT} (a JUnit {@code @Timeout} would bound the whole fuzzing run instead).
 * {@link WasmParserFuzzTest} keeps its seeded random mutations; this target explores by coverage.
 */
class WasmModuleFuzzTest {

  /** Every proposal the bundled Wasmtime runs, as the widest {@code WASM_FEATURES} allows. */
  private static final Set<WasmFeature> SUPPORTED = EnumSet.copyOf(
      Arrays.stream(WasmFeature.values()).filter(WasmFeature::engineSupported).toList());
  /** The same without extended constant expressions, which Wasmtime 7 cannot read (the instrumenter folds them). */
  private static final Set<WasmFeature> WASMTIME_READS = EnumSet.complementOf(EnumSet.of(WasmFeature.EXTENDED_CONST,
      WasmFeature.EXCEPTIONS, WasmFeature.TAIL_CALLS, WasmFeature.MULTI_MEMORY, WasmFeature.MEMORY64));
  /** Parsing, instrumenting and compiling one input of at most libFuzzer's 4 KiB takes milliseconds; 5 s is a hang. */
  private static final Duration PER_INPUT = Duration.ofSeconds(5);
  private static final Instrumenter.Caps SMALL = new Instrumenter.Caps(16, 1_000);
  /** One engine for every input, with every supported proposal on; making one per compile would cost more. */
  private static final Engine WASMTIME = new Engine(new Config().wasmSimd(true).wasmThreads(true)
      .wasmReferenceTypes(true).wasmBulkMemory(true).wasmMultiValue(true));

  @FuzzTest(maxDuration = "5m")
  void parsesValidatesAndInstruments(byte[] bytes) {
    long started = System.nanoTime();
    ParsedModule parsed = checked(bytes);
    if (parsed != null) {
      instruments(bytes, parsed);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time for one input of %d bytes", bytes.length)
        .isLessThan(PER_INPUT);
  }

  /** The module parsed, with Wasmtime's verdict checked against the validator's; null when refused. */
  private static ParsedModule checked(byte[] bytes) {
    ParsedModule parsed;
    try {
      parsed = WasmParser.parse(bytes, WASMTIME_READS);
      assertThatCode(() -> compile(bytes)).as("Wasmtime accepts what the validator accepted")
          .doesNotThrowAnyException();
    } catch (DisallowedFeatureException e) {
      // Only the extended constant expressions Wasmtime 7 cannot read: the instrumented module must still compile.
      parsed = refusedOrParsed(bytes);
    } catch (InvalidModuleException e) {
      assertThat(e.getCause()).as("defect: %s", e.getMessage()).isNull();
      return null;
    }
    return parsed;
  }

  /** Instruments with no caps and with small ones; what comes out compiles in Wasmtime and parses in Chicory. */
  private static void instruments(byte[] bytes, ParsedModule parsed) {
    for (Instrumenter.Caps caps : new Instrumenter.Caps[] {Instrumenter.Caps.NONE, SMALL}) {
      byte[] instrumented;
      try {
        instrumented = Instrumenter.instrument(bytes, parsed, GasCosts.defaults(), caps);
      } catch (InvalidModuleException | DisallowedFeatureException e) {
        assertThat(e.getCause()).as("defect: %s", e.getMessage()).isNull();
        continue;
      } catch (IllegalArgumentException e) {
        // Documented: a module whose initial memory or table exceeds the caps (the engine refuses it before).
        assertThat(caps).isEqualTo(SMALL);
        assertThat(e).hasMessageContaining("exceeds the cap");
        continue;
      }
      assertThatCode(() -> compile(instrumented)).as("Wasmtime accepts the instrumented module")
          .doesNotThrowAnyException();
      assertThatCode(() -> Parser.parse(instrumented)).as("Chicory reads the instrumented module")
          .doesNotThrowAnyException();
    }
  }

  /** The module parsed with every supported proposal, or null when refused (with a documented exception). */
  private static ParsedModule refusedOrParsed(byte[] bytes) {
    try {
      return WasmParser.parse(bytes, SUPPORTED);
    } catch (InvalidModuleException | DisallowedFeatureException e) {
      assertThat(e.getCause()).as("defect: %s", e.getMessage()).isNull();
      return null;
    }
  }

  private static void compile(byte[] bytes) {
    new Module(WASMTIME, bytes).dispose();
  }
}
