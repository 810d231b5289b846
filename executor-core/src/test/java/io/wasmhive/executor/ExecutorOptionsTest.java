package io.wasmhive.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorOptionsTest {

  @Test
  void defaultsAreSeed004s() {
    ExecutorOptions o = ExecutorOptions.defaults();
    assertThat(o.maxWorkers()).isEqualTo(16);
    assertThat(o.initialWorkers()).isEqualTo(4);
    assertThat(o.maxMemoryMb()).isEqualTo(64);
    assertThat(o.idleTimeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(o.enableJit()).isTrue();
    assertThat(o.maxModuleBytes()).isEqualTo(10 * 1024 * 1024);
    assertThat(o.defaultPolicy()).isEqualTo(new Policy(64L * 1024 * 1024, ExecutorOptions.DEFAULT_MAX_GAS, 2000, 256 * 1024));
    assertThat(o.features()).isEqualTo(WasmFeature.defaults()).doesNotContain(WasmFeature.SIMD);
  }

  @Test
  void readsTheSeedsEnvironmentVariables() {
    ExecutorOptions o = ExecutorOptions.fromEnvironment(Map.of("WASM_MAX_WORKERS", "32", "WASM_INITIAL_WORKERS", "8",
        "WASM_MAX_MEMORY_MB", "128", "WASM_IDLE_TIMEOUT_SECS", "600", "WASM_ENABLE_JIT", "false",
        "WASM_BATCH_SIZE", "1000", "WASM_PARALLEL", "false", "WASM_CACHE_SIZE", "10000"));
    assertThat(o.maxWorkers()).isEqualTo(32);
    assertThat(o.initialWorkers()).isEqualTo(8);
    assertThat(o.maxMemoryMb()).isEqualTo(128);
    assertThat(o.defaultPolicy().maxMemory()).isEqualTo(128L * 1024 * 1024);
    assertThat(o.idleTimeout()).isEqualTo(Duration.ofSeconds(600));
    assertThat(o.enableJit()).isFalse();
    assertThat(o.parallel()).isFalse();
    assertThat(o.cacheSize()).isEqualTo(10000);
    assertThat(o.batchSize()).isEqualTo(1000);
  }

  @Test
  void invalidValuesNameTheirVariableOrSetting() {
    assertThatThrownBy(() -> ExecutorOptions.fromEnvironment(Map.of("WASM_MAX_WORKERS", "many")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WASM_MAX_WORKERS");
    assertThatThrownBy(() -> ExecutorOptions.fromEnvironment(Map.of("WASM_ENABLE_JIT", "maybe")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WASM_ENABLE_JIT");
    assertThatThrownBy(() -> ExecutorOptions.builder().maxWorkers(2).initialWorkers(3).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial_workers");
    assertThatThrownBy(() -> ExecutorOptions.builder().maxPolicy(new Policy(ExecutorOptions.MAX_MEMORY_LIMIT + 1, 1, 1, 1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 GiB");
    assertThat(ExecutorOptions.builder().maxPolicy(new Policy(ExecutorOptions.MAX_MEMORY_LIMIT, 10, 10, 10))
        .defaultPolicy(new Policy(1 << 20, 1, 1, 1)).build().maxPolicy().maxMemory()).isEqualTo(ExecutorOptions.MAX_MEMORY_LIMIT);
    assertThatThrownBy(() -> ExecutorOptions.builder().defaultPolicy(new Policy(0, 0, 120_000, 0)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_time");
  }

  @Test
  void theDefaultFeaturesAreWhatTodaysToolchainsEmit() {
    assertThat(WasmFeature.defaults()).containsExactlyInAnyOrder(WasmFeature.MUTABLE_GLOBALS,
        WasmFeature.SIGN_EXTENSION, WasmFeature.SATURATING_FLOAT_TO_INT, WasmFeature.MULTI_VALUE,
        WasmFeature.BULK_MEMORY, WasmFeature.REFERENCE_TYPES, WasmFeature.EXTENDED_CONST);
    assertThat(ExecutorOptions.defaults().maxTableElements()).isEqualTo(10_000);
  }

  @Test
  void wasmFeaturesTurnsProposalsOnAndOffByTheirOwnOrTheToolchainsNames() {
    ExecutorOptions o = ExecutorOptions.fromEnvironment(Map.of("WASM_FEATURES", "+simd, -reference_types,-sign-ext",
        "WASM_MAX_TABLE_ELEMENTS", "500"));
    assertThat(o.features()).contains(WasmFeature.SIMD).doesNotContain(WasmFeature.REFERENCE_TYPES,
        WasmFeature.SIGN_EXTENSION).contains(WasmFeature.BULK_MEMORY);
    assertThat(o.maxTableElements()).isEqualTo(500);
    assertThat(WasmFeature.parse("threads,-nontrapping-fptoint,-multivalue,-extended-const"))
        .contains(WasmFeature.THREADS)
        .doesNotContain(WasmFeature.SATURATING_FLOAT_TO_INT, WasmFeature.MULTI_VALUE, WasmFeature.EXTENDED_CONST);
    assertThat(WasmFeature.parse("  ")).isEqualTo(WasmFeature.defaults());
  }

  @Test
  void anUnknownOrUnrunnableFeatureFailsStartUpNamingIt() {
    assertThatThrownBy(() -> ExecutorOptions.fromEnvironment(Map.of("WASM_FEATURES", "+gc")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown feature 'gc'")
        .hasMessageContaining("reference_types");
    assertThatThrownBy(() -> ExecutorOptions.fromEnvironment(Map.of("WASM_FEATURES", "+tail_calls,+memory64")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WASM_FEATURES: tail_calls, memory64 cannot be turned on: the bundled Wasmtime 7.0.1 does not "
            + "support them");
    assertThat(WasmFeature.parse("-exceptions")).isEqualTo(WasmFeature.defaults());
    assertThatThrownBy(() -> ExecutorOptions.builder().features(java.util.EnumSet.of(WasmFeature.MULTI_MEMORY)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multi_memory");
    assertThatThrownBy(() -> ExecutorOptions.fromEnvironment(Map.of("WASM_MAX_TABLE_ELEMENTS", "-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_table_elements");
  }

  @Test
  void wasmEngineChoosesTheEngineAndDefaultsToWasmtime() {
    assertThat(ExecutorOptions.defaults().engine()).isEqualTo(EngineChoice.WASMTIME);
    assertThat(ExecutorOptions.fromEnvironment(Map.of("WASM_ENGINE", " Chicory ")).engine()).isEqualTo(EngineChoice.CHICORY);
    assertThat(ExecutorOptions.fromEnvironment(Map.of("WASM_ENGINE", "wasmtime")).engine()).isEqualTo(EngineChoice.WASMTIME);
    assertThat(ExecutorOptions.fromEnvironment(Map.of("WASM_ENGINE", "")).engine()).isEqualTo(EngineChoice.WASMTIME);
    assertThat(ExecutorOptions.VARIABLES).contains("WASM_ENGINE");
    assertThatThrownBy(() -> ExecutorOptions.fromEnvironment(Map.of("WASM_ENGINE", "v8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WASM_ENGINE must be one of wasmtime, chicory, got 'v8'");
  }

  @Test
  void anExecutorRunsOnTheEngineItsOptionsChoose() {
    for (EngineChoice choice : EngineChoice.values()) {
      try (WasmExecutor executor = WasmExecutor.create(ExecutorOptions.builder().engine(choice).maxWorkers(1)
          .initialWorkers(0).build())) {
        assertThat(executor.engineName()).isEqualTo(choice.settingName());
      }
    }
  }
}
