package io.wasmhive.platform.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.ExecutorOptions;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class WasmVariablesEnvironmentPostProcessorTest {

  private final WasmVariablesEnvironmentPostProcessor postProcessor = new WasmVariablesEnvironmentPostProcessor();

  @Test
  void everySeedVariableNamesAWasmProperty() {
    assertThat(ExecutorOptions.VARIABLES).hasSize(13).allSatisfy(variable -> assertThat(
        WasmVariablesEnvironmentPostProcessor.propertyName(variable)).matches("wasm\\.[a-z]+(-[a-z]+)*"));
    assertThat(WasmVariablesEnvironmentPostProcessor.propertyName("WASM_IDLE_TIMEOUT_SECS"))
        .isEqualTo("wasm.idle-timeout-secs");
  }

  @Test
  void environmentVariablesSetTheWasmProperties() {
    StandardEnvironment environment = environmentWith(Map.of("WASM_MAX_WORKERS", "3", "WASM_FEATURES", "+simd",
        "WASM_ENABLE_JIT", " false "));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("wasm.max-workers")).isEqualTo("3");
    assertThat(environment.getProperty("wasm.features")).isEqualTo("+simd");
    assertThat(environment.getProperty("wasm.enable-jit")).isEqualTo("false");
  }

  @Test
  void commandLineArgumentsAndSystemPropertiesOfTheOldNamesWorkToo() {
    StandardEnvironment environment = environmentWith(Map.of("WASM_MAX_WORKERS", "3"));
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--WASM_MAX_WORKERS=5",
        "--WASM_QUEUE_CAPACITY=7"));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("wasm.max-workers")).isEqualTo("5");
    assertThat(environment.getProperty("wasm.queue-capacity")).isEqualTo("7");
  }

  @Test
  void theOldNamesBeatConfigurationFilesButNotTheNewNamesGivenExplicitly() {
    StandardEnvironment environment = environmentWith(Map.of("WASM_MAX_WORKERS", "3", "WASM_CACHE_SIZE", "9",
        "WASM_BATCH_SIZE", "11"));
    environment.getPropertySources().addLast(new MapPropertySource("application.yml",
        Map.of("wasm.max-workers", "8")));
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource("--wasm.cache-size=10"));
    environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
        new MapPropertySource("-D", Map.of("wasm.batch-size", "12")));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getProperty("wasm.max-workers")).isEqualTo("3");
    assertThat(environment.getProperty("wasm.cache-size")).isEqualTo("10");
    assertThat(environment.getProperty("wasm.batch-size")).isEqualTo("12");
  }

  @Test
  void addsNothingWithoutTheVariables() {
    StandardEnvironment environment = environmentWith(Map.of("WASM_MAX_WORKERS", " "));

    postProcessor.postProcessEnvironment(environment, new SpringApplication());

    assertThat(environment.getPropertySources().contains(WasmVariablesEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
        .isFalse();
  }

  static StandardEnvironment environmentWith(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return environment;
  }
}
