package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code WASM_ENGINE=auto}: modules whose executions stay short run on Chicory with kept instances; a module
 * whose executions are heavy moves to Wasmtime, and its results (values, gas) are the same before and after.
 */
class AutoEngineTest {

  private static WasmExecutor executor(long heavyGas) {
    return WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).engine(EngineChoice.AUTO)
        .autoHeavyGas(heavyGas).build());
  }

  @Test
  void shortCallsStayOnChicoryAndAHeavyModuleMovesToWasmtimeWithTheSameResults() throws InterruptedException {
    try (WasmExecutor executor = executor(100_000)) {
      ExecutionResult first = sum(executor, 1_000_000);
      assertThat(first.engine()).isEqualTo("chicory");
      assertThat(first.gasUsed()).as("one execution of 8x the threshold moves the module").isGreaterThan(800_000);
      Set<String> engines = new HashSet<>();
      ExecutionResult last = first;
      for (int i = 0; i < 400 && !"wasmtime".equals(last.engine()); i++) {
        // The heavy engine compiles in the background; executions go on meanwhile.
        Thread.sleep(10);
        last = sum(executor, 1_000_000);
        engines.add(last.engine());
        assertThat(last.values()).isEqualTo(first.values());
        assertThat(last.gasUsed()).isEqualTo(first.gasUsed());
      }
      assertThat(last.engine()).isEqualTo("wasmtime");
      for (int i = 0; i < 100; i++) {
        ExecutionResult add = executor.execute(task("wat-add.wasm").entry(Entry.typed("add", i32(40), i32(2))).build()).orThrow();
        assertThat(add.engine()).isEqualTo("chicory");
        assertThat(add.value().asInt()).isEqualTo(42);
      }
      assertThat(executor.stats().instanceReuses()).as("the short module's instances are kept").isGreaterThanOrEqualTo(99);
    }
  }

  @Test
  void executionsBelowTheThresholdNeverMoveAModule() {
    try (WasmExecutor executor = executor(1_000_000_000L)) {
      long gas = -1;
      for (int i = 0; i < 64; i++) {
        ExecutionResult r = sum(executor, 10_000);
        assertThat(r.engine()).isEqualTo("chicory");
        assertThat(gas == -1 || gas == r.gasUsed()).isTrue();
        gas = r.gasUsed();
      }
    }
  }

  @Test
  void theEngineChoiceIsReadFromTheEnvironment() {
    assertThat(ExecutorOptions.fromEnvironment(java.util.Map.of("WASM_ENGINE", "auto", "WASM_AUTO_HEAVY_GAS", "5000"))
        .autoHeavyGas()).isEqualTo(5000);
    assertThat(ExecutorOptions.fromEnvironment(java.util.Map.of("WASM_ENGINE", "AUTO")).engine()).isEqualTo(EngineChoice.AUTO);
  }

  private static ExecutionResult sum(WasmExecutor executor, long n) {
    return executor.execute(task("wat-loop-sum.wasm").entry(Entry.typed("sum_to", i64(n))).build()).orThrow();
  }
}
