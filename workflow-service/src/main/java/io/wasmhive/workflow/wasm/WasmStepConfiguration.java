package io.wasmhive.workflow.wasm;

import io.wasmhive.platform.executor.WasmExecutorConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The one {@link io.wasmhive.executor.WasmExecutor} of the process is platform-infra's (pool settings from the seed's
 * {@code WASM_*} variables, modules read from the module store on a cache miss); steps bring their own policy per
 * task, within the executor's maximum, so nothing is customized here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WasmStepProperties.class)
@Import(WasmExecutorConfiguration.class)
class WasmStepConfiguration {
}
