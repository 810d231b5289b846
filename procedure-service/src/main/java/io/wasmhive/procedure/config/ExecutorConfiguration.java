package io.wasmhive.procedure.config;

import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.WasmExecutor;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Builds the one {@link WasmExecutor} of the process. Pool settings come from the seed's {@code WASM_*}
 * variables, read through Spring's environment (so an environment variable, a system property or a
 * {@code --WASM_MAX_WORKERS=4} argument all work); the default and maximum policies from {@link ProcedureProperties}, so the executor refuses
 * anything the service would. The executor is closed when the context closes: running calls finish first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcedureProperties.class)
class ExecutorConfiguration {

  /** Bytes of stdout, stderr or bytes-call output a call may produce (typed calls produce none). */
  private static final long MAX_OUTPUT = 16L * 1024 * 1024;

  @Bean(destroyMethod = "close")
  WasmExecutor wasmExecutor(ProcedureProperties properties, Environment environment) {
    ProcedureProperties.Defaults defaults = properties.defaults();
    ProcedureProperties.Maxima maxima = properties.maxima();
    Map<String, String> variables = new HashMap<>();
    for (String name : ExecutorOptions.VARIABLES) {
      String value = environment.getProperty(name);
      if (value != null) {
        variables.put(name, value);
      }
    }
    ExecutorOptions options = ExecutorOptions.fromEnvironment(variables, builder -> builder
        .defaultPolicy(new Policy(defaults.maxMemory().toBytes(), defaults.maxGas(), defaults.maxTime().toMillis(), 0))
        .maxPolicy(new Policy(maxima.maxMemory().toBytes(), maxima.maxGas(), maxima.maxTime().toMillis(), MAX_OUTPUT)));
    return WasmExecutor.create(options);
  }
}
