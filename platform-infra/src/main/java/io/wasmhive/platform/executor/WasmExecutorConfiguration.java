package io.wasmhive.platform.executor;

import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.platform.metrics.WasmExecutorMeters;
import io.wasmhive.platform.modules.ModuleStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link WasmExecutor} of a service that runs guests; such a service imports this configuration
 * ({@code @Import(WasmExecutorConfiguration.class)}, under whatever condition says it runs guests). Pool and module
 * settings come from {@link WasmExecutorProperties} (seed 004's {@code WASM_*} variables); modules missing from
 * the executor's cache are read from the shared {@link ModuleStore}; {@link WasmExecutorCustomizer} beans add the
 * rest; {@link WasmExecutorMeters} exports the pool's stats where Micrometer is present. Closed when the context
 * closes: running tasks finish first.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WasmExecutorProperties.class)
public class WasmExecutorConfiguration {

  @Bean(destroyMethod = "close")
  WasmExecutor wasmExecutor(WasmExecutorProperties properties, ModuleStore modules,
      ObjectProvider<WasmExecutorCustomizer> customizers) {
    ExecutorOptions options = properties.options(builder -> {
      builder.moduleSource(modules::bytes);
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    });
    return WasmExecutor.create(options);
  }

  /** The pool's meters ({@link WasmExecutorMeters}), where the service has Micrometer. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class Meters {

    @Bean
    WasmExecutorMeters wasmExecutorMeters(WasmExecutor executor) {
      return new WasmExecutorMeters(executor);
    }
  }
}
