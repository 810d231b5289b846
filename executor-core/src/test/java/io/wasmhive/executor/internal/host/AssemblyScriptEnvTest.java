package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssemblyScriptEnvTest {

  @Test
  void traceNumbersAreWrittenAsJavaScriptWritesThem() {
    assertThat(AssemblyScriptEnv.javaScriptNumber(2)).isEqualTo("2");
    assertThat(AssemblyScriptEnv.javaScriptNumber(-0.0)).isEqualTo("0");
    assertThat(AssemblyScriptEnv.javaScriptNumber(1.5)).isEqualTo("1.5");
    assertThat(AssemblyScriptEnv.javaScriptNumber(-0.25)).isEqualTo("-0.25");
    assertThat(AssemblyScriptEnv.javaScriptNumber(0.1)).isEqualTo("0.1");
    assertThat(AssemblyScriptEnv.javaScriptNumber(12345678.9)).isEqualTo("12345678.9");
    assertThat(AssemblyScriptEnv.javaScriptNumber(0.000001)).isEqualTo("0.000001");
    assertThat(AssemblyScriptEnv.javaScriptNumber(1e-7)).isEqualTo("1e-7");
    assertThat(AssemblyScriptEnv.javaScriptNumber(-1.25e-10)).isEqualTo("-1.25e-10");
    assertThat(AssemblyScriptEnv.javaScriptNumber(1e20)).isEqualTo("100000000000000000000");
    assertThat(AssemblyScriptEnv.javaScriptNumber(1e21)).isEqualTo("1e+21");
    assertThat(AssemblyScriptEnv.javaScriptNumber(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(AssemblyScriptEnv.javaScriptNumber(Double.NaN)).isEqualTo("NaN");
    assertThat(AssemblyScriptEnv.javaScriptNumber(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
  }

  @Test
  void theSeedDependsOnTheExecutionSeedOnlyAndIsAnIntegerBelow2To53() {
    double seed = AssemblyScriptEnv.seedOf(ExecutionSeed.of("exec-1"));
    assertThat(AssemblyScriptEnv.seedOf(ExecutionSeed.of("exec-1"))).isEqualTo(seed);
    assertThat(AssemblyScriptEnv.seedOf(ExecutionSeed.of("exec-2"))).isNotEqualTo(seed);
    assertThat(seed).isGreaterThanOrEqualTo(1).isLessThan(0x1p53).isEqualTo(Math.rint(seed));
  }
}
