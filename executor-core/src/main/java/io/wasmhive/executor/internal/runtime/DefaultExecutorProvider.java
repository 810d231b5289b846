package io.wasmhive.executor.internal.runtime;

import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.ExecutorProvider;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.internal.wasm.WasmParser;
import java.util.Set;

/**
 * executor-core's {@link ExecutorProvider}, named in {@code META-INF/services}: executors on Wasmtime, validation
 * by the registration's own parser. Validating loads nothing of the engine, so a service that only validates (the
 * indexer) may leave Wasmtime off its class path. Stateless and thread-safe.
 */
public final class DefaultExecutorProvider implements ExecutorProvider {

  @Override
  public WasmExecutor create(ExecutorOptions options) {
    return PooledExecutor.create(options);
  }

  @Override
  public void validate(byte[] bytes, Set<WasmFeature> features) {
    WasmParser.parse(bytes, features);
  }
}
