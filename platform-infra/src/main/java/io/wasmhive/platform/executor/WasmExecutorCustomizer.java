package io.wasmhive.platform.executor;

import io.wasmhive.executor.ExecutorOptions;

/**
 * Adds what only a service knows to the options of its {@link io.wasmhive.executor.WasmExecutor} (policies, an
 * RPC handler) after the {@code WASM_*} settings; a bean of this type is applied by
 * {@link WasmExecutorConfiguration}, in {@code @Order}.
 */
@FunctionalInterface
public interface WasmExecutorCustomizer {

  void customize(ExecutorOptions.Builder builder);
}
