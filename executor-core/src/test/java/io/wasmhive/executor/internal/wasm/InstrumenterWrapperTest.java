package io.wasmhive.executor.internal.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kawamuray.wasmtime.Val;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The call wrappers: one call sets the limits, runs the flagged setup, calls the export and returns the gas left. */
class InstrumenterWrapperTest {

  private static final long BUDGET = 1_000_000;

  /** Calls the wrapper of {@code export} on a fresh instance of {@code module}. */
  private static Val[] wrapped(byte[] module, String export, int flags, Val... args) {
    try (Wasmtime w = new Wasmtime(module)) {
      return wrapped(w, export, flags, args);
    }
  }

  private static Val[] wrapped(Wasmtime w, String export, int flags, Val... args) {
    Val[] all = new Val[args.length + 3];
    all[0] = Val.fromI64(BUDGET);
    all[1] = Val.fromI32(16);
    all[2] = Val.fromI32(flags);
    System.arraycopy(args, 0, all, 3, args.length);
    return w.call(Instrumentation.call(export), all);
  }

  /** Gas used by the old sequence: set_limits, the export, gas_left. */
  private static long gasUsedStepByStep(byte[] module, String export, Val... args) {
    try (Wasmtime w = new Wasmtime(module)) {
      w.setLimits(BUDGET, 16);
      w.call(export, args);
      return BUDGET - w.gasLeft();
    }
  }

  @Test
  void wrapperReturnsTheResultsThenTheGasLeft() {
    byte[] module = InstrumenterTest.instrument(Corpus.read("instr-compute.wasm"));
    Val[] r = wrapped(module, "sum_to", 0, Val.fromI64(1000));
    assertThat(r).hasSize(2);
    assertThat(r[0].i64()).isEqualTo(500_500);
    assertThat(BUDGET - r[1].i64()).isEqualTo(gasUsedStepByStep(module, "sum_to", Val.fromI64(1000)));
    Val[] fib = wrapped(module, "fib", 0, Val.fromI32(20));
    assertThat(fib[0].i32()).isEqualTo(6765);
    assertThat(BUDGET - fib[1].i64()).isEqualTo(gasUsedStepByStep(module, "fib", Val.fromI32(20)));
  }

  @Test
  void wrapperOfAMultiValueFunctionReturnsEveryResult() {
    byte[] module = InstrumenterTest.instrument(Corpus.read("wat-multi-value.wasm"));
    Val[] r = wrapped(module, "divmod", 0, Val.fromI32(17), Val.fromI32(5));
    assertThat(Arrays.stream(r).limit(2).mapToInt(Val::i32)).containsExactly(3, 2);
    assertThat(BUDGET - r[2].i64()).isEqualTo(gasUsedStepByStep(module, "divmod", Val.fromI32(17), Val.fromI32(5)))
        .isPositive();
    Val[] sum = wrapped(module, "sum_pair", 0, Val.fromI32(40), Val.fromI32(2));
    assertThat(sum).hasSize(2);
    assertThat(sum[0].i32()).isEqualTo(42);
  }

  @Test
  void wrapperOfAFunctionWithoutResultsReturnsOnlyTheGasLeft() {
    byte[] module = InstrumenterTest.instrument(Corpus.read("instr-compute.wasm"));
    Val[] r = wrapped(module, "fill", 0, Val.fromI32(6400));
    assertThat(r).hasSize(1);
    assertThat(BUDGET - r[0].i64()).isEqualTo(gasUsedStepByStep(module, "fill", Val.fromI32(6400)));
  }

  @Test
  void flagOneRunsTheStartFunctionFirst() {
    byte[] module = InstrumenterTest.instrument(Corpus.read("instr-start.wasm"));
    Val[] without = wrapped(module, "get", 0);
    Val[] with = wrapped(module, "get", Instrumentation.RUN_START);
    assertThat(without[0].i32()).isZero();
    assertThat(with[0].i32()).isEqualTo(42);
    // The start function is metered like any other.
    assertThat(with[1].i64()).isLessThan(without[1].i64());
    // A module without a start function ignores the flag.
    byte[] noStart = InstrumenterTest.instrument(Corpus.read("instr-nomem.wasm"));
    assertThat(wrapped(noStart, "square", Instrumentation.RUN_START, Val.fromI64(5))[0].i64()).isEqualTo(25);
  }

  @Test
  void flagTwoCallsInitializeFirstAndChargesIt() {
    byte[] module = InstrumenterTest.instrument(Corpus.read("c-sha256.wasm"));
    long initialize = gasUsedStepByStep(module, "_initialize");
    Val[] plain = wrapped(module, "sha256_repeat", 0, Val.fromI32(1));
    Val[] initialized = wrapped(module, "sha256_repeat", Instrumentation.RUN_INITIALIZE, Val.fromI32(1));
    assertThat(initialized[0].i32()).isEqualTo(plain[0].i32()).isEqualTo(-1253149976);
    assertThat(initialize).isPositive();
    assertThat(plain[1].i64() - initialized[1].i64()).isEqualTo(initialize);
  }

  @Test
  void wrapperResetsTheLimitsAndTheDeniedFlag() {
    byte[] module = InstrumenterTest.instrument(Corpus.read("instr-compute.wasm"));
    try (Wasmtime w = new Wasmtime(module)) {
      w.setLimits(BUDGET, 1);
      assertThat(w.call("grow", Val.fromI32(1))[0].i32()).isEqualTo(-1);
      assertThat(w.call(Instrumentation.MEMORY_DENIED)[0].i32()).isEqualTo(1);
      Val[] r = wrapped(w, "grow", 0, Val.fromI32(1));
      assertThat(r[0].i32()).isEqualTo(1);
      assertThat(w.call(Instrumentation.MEMORY_DENIED)[0].i32()).isZero();
      assertThat(w.gasLeft()).isEqualTo(r[1].i64());
    }
  }

  @Test
  void everyExportedFunctionAndNothingElseGetsAWrapper() {
    byte[] module = InstrumenterTest.instrument(Corpus.read("instr-compute.wasm"));
    try (Wasmtime w = new Wasmtime(module)) {
      assertThat(w.hasExport(Instrumentation.call("classify"))).isTrue();
      assertThat(w.hasExport(Instrumentation.call("memory"))).isFalse();
      assertThat(w.hasExport(Instrumentation.call(Instrumentation.GAS_LEFT))).isFalse();
    }
  }
}
