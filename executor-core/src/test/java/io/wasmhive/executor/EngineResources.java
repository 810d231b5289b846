package io.wasmhive.executor;

import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.chicory.ChicoryEngine;
import io.wasmhive.executor.internal.runtime.PooledExecutor;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;

/** The engine of a choice, and what it keeps per thread: Wasmtime's native stores, Chicory's deadline watches. */
final class EngineResources {

  private EngineResources() {
  }

  /** A fresh engine of the options' choice, configured as executors configure it. */
  static WasmEngine engine(ExecutorOptions options) {
    return PooledExecutor.engine(options);
  }

  /** Per-thread state the engine holds right now; bounded by the workers, zero once they released it. */
  static int perThread(WasmEngine engine) {
    if (engine instanceof WasmtimeEngine wasmtime) {
      return wasmtime.liveStores();
    }
    return ((ChicoryEngine) engine).watchedThreads();
  }
}
