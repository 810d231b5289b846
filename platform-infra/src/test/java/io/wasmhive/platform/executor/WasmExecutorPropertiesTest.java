package io.wasmhive.platform.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.EngineChoice;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.WasmFeature;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/** Seed 004's variables, as environment variables, bound into executor options. */
class WasmExecutorPropertiesTest {

  @Test
  void everyVariableReachesTheExecutorOptions() {
    ExecutorOptions o = bind(Map.ofEntries(Map.entry("WASM_MAX_WORKERS", "32"), Map.entry("WASM_INITIAL_WORKERS", "8"),
        Map.entry("WASM_MAX_MEMORY_MB", "128"), Map.entry("WASM_IDLE_TIMEOUT_SECS", "600"),
        Map.entry("WASM_ENABLE_JIT", "false"), Map.entry("WASM_CACHE_SIZE", "10000"),
        Map.entry("WASM_BATCH_SIZE", "50"), Map.entry("WASM_PARALLEL", "no"), Map.entry("WASM_QUEUE_CAPACITY", "7"),
        Map.entry("WASM_MAX_MODULE_BYTES", "4096"), Map.entry("WASM_MAX_TABLE_ELEMENTS", "500"),
        Map.entry("WASM_FEATURES", "+simd,-reference_types"), Map.entry("WASM_ENGINE", "chicory"))).options(b -> { });

    assertThat(o.maxWorkers()).isEqualTo(32);
    assertThat(o.initialWorkers()).isEqualTo(8);
    assertThat(o.maxMemoryMb()).isEqualTo(128);
    assertThat(o.idleTimeout()).isEqualTo(Duration.ofSeconds(600));
    assertThat(o.enableJit()).isFalse();
    assertThat(o.cacheSize()).isEqualTo(10000);
    assertThat(o.batchSize()).isEqualTo(50);
    assertThat(o.parallel()).isFalse();
    assertThat(o.queueCapacity()).isEqualTo(7);
    assertThat(o.maxModuleBytes()).isEqualTo(4096);
    assertThat(o.maxTableElements()).isEqualTo(500);
    assertThat(o.features()).contains(WasmFeature.SIMD).doesNotContain(WasmFeature.REFERENCE_TYPES);
    assertThat(o.defaultPolicy().maxMemory()).isEqualTo(128L << 20);
    assertThat(o.engine()).isEqualTo(EngineChoice.CHICORY);
  }

  @Test
  void theSameVariablesGiveTheSameOptionsAsExecutorCoreReadingThemItself() {
    Map<String, String> env = Map.of("WASM_MAX_WORKERS", "6", "WASM_INITIAL_WORKERS", "2",
        "WASM_IDLE_TIMEOUT_SECS", "5", "WASM_FEATURES", "-bulk_memory", "WASM_ENGINE", "Chicory");
    ExecutorOptions bound = bind(Map.copyOf(env)).options(b -> { });
    ExecutorOptions read = ExecutorOptions.fromEnvironment(env);
    assertThat(bound.maxWorkers()).isEqualTo(read.maxWorkers());
    assertThat(bound.initialWorkers()).isEqualTo(read.initialWorkers());
    assertThat(bound.idleTimeout()).isEqualTo(read.idleTimeout());
    assertThat(bound.features()).isEqualTo(read.features());
    assertThat(bound.engine()).isEqualTo(read.engine()).isEqualTo(EngineChoice.CHICORY);
  }

  @Test
  void unsetVariablesKeepExecutorCoresDefaultsAndTheCustomizerComesLast() {
    Policy max = new Policy(1L << 30, 10_000_000_000L, 10_000, 1 << 20);
    ExecutorOptions o = bind(Map.of()).options(b -> b.maxPolicy(max).maxWorkers(2).initialWorkers(1));
    ExecutorOptions defaults = ExecutorOptions.defaults();
    assertThat(o.cacheSize()).isEqualTo(defaults.cacheSize());
    assertThat(o.features()).isEqualTo(defaults.features());
    assertThat(o.maxModuleBytes()).isEqualTo(defaults.maxModuleBytes());
    assertThat(o.engine()).isEqualTo(EngineChoice.WASMTIME);
    assertThat(o.maxPolicy()).isEqualTo(max);
    assertThat(o.maxWorkers()).isEqualTo(2);
    assertThat(WasmExecutorProperties.defaults().options(b -> { }).maxWorkers()).isEqualTo(defaults.maxWorkers());
  }

  @Test
  void aValueExecutorCoreRefusesFailsTheBindingWithItsReason() {
    assertThatThrownBy(() -> bind(Map.of("WASM_MAX_WORKERS", "0"))).isInstanceOf(BindException.class)
        .hasRootCauseMessage("max_workers must be at least 1");
    assertThatThrownBy(() -> bind(Map.of("WASM_MAX_WORKERS", "many"))).isInstanceOf(BindException.class)
        .hasMessageContaining("wasm");
    assertThatThrownBy(() -> bind(Map.of("WASM_FEATURES", "+gc"))).isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("gc");
    assertThatThrownBy(() -> bind(Map.of("WASM_ENGINE", "v8"))).isInstanceOf(BindException.class)
        .hasRootCauseMessage("WASM_ENGINE must be one of wasmtime, chicory, got 'v8'");
  }

  @Test
  void theEngineIsAlsoTheSpringPropertyWasmEngine() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
        Map.of("wasm.engine", "chicory")));
    WasmExecutorProperties properties = Binder.get(environment).bindOrCreate("wasm", WasmExecutorProperties.class);
    assertThat(properties.engine()).isEqualTo("chicory");
    assertThat(properties.options(b -> { }).engine()).isEqualTo(EngineChoice.CHICORY);
  }

  private static WasmExecutorProperties bind(Map<String, Object> variables) {
    StandardEnvironment environment = WasmVariablesEnvironmentPostProcessorTest.environmentWith(variables);
    new WasmVariablesEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
    return Binder.get(environment).bindOrCreate("wasm", WasmExecutorProperties.class);
  }
}
