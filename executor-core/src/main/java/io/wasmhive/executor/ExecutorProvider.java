package io.wasmhive.executor;

import java.util.Set;

/**
 * The implementation behind {@link WasmExecutor#create} and {@link ModuleValidator#validate}, found with
 * {@link java.util.ServiceLoader}. It exists so that this package, which the internal packages depend on for its types,
 * does not depend on them in turn: callers never use it. Implementations are thread-safe.
 */
public interface ExecutorProvider {

  /** A new executor with these options. */
  WasmExecutor create(ExecutorOptions options);

  /** Validates a module as {@link ModuleValidator#validate} documents. */
  void validate(byte[] bytes, Set<WasmFeature> features);

  /** The provider on the class path (executor-core's own). */
  static ExecutorProvider installed() {
    return InstalledProvider.PROVIDER;
  }
}
