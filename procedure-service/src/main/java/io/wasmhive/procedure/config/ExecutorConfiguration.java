package io.wasmhive.procedure.config;

import io.wasmhive.executor.Policy;
import io.wasmhive.platform.executor.WasmExecutorConfiguration;
import io.wasmhive.platform.executor.WasmExecutorCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The one {@link io.wasmhive.executor.WasmExecutor} of the process is platform-infra's (pool settings from the
 * seed's {@code WASM_*} variables, modules read from the module store on a cache miss, closed with the context);
 * this service adds its default and maximum policies from {@link ProcedureProperties}, so the executor refuses
 * anything the service would.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcedureProperties.class)
@Import(WasmExecutorConfiguration.class)
class ExecutorConfiguration {

  /** Bytes of stdout, stderr or bytes-call output a call may produce (typed calls produce none). */
  private static final long MAX_OUTPUT = 16L * 1024 * 1024;

  @Bean
  WasmExecutorCustomizer procedurePolicies(ProcedureProperties properties) {
    ProcedureProperties.Defaults defaults = properties.defaults();
    ProcedureProperties.Maxima maxima = properties.maxima();
    return builder -> builder
        .defaultPolicy(new Policy(defaults.maxMemory().toBytes(), defaults.maxGas(), defaults.maxTime().toMillis(), 0))
        .maxPolicy(new Policy(maxima.maxMemory().toBytes(), maxima.maxGas(), maxima.maxTime().toMillis(), MAX_OUTPUT));
  }
}
