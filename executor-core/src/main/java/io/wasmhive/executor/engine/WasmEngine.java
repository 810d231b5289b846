package io.wasmhive.executor.engine;

/**
 * A WebAssembly engine behind the executor: compiles already-checked, already-instrumented bytes and
 * instantiates them. Every engine passes the same contract tests. Thread-safe.
 */
public interface WasmEngine extends AutoCloseable {

  /** A short name for logs and metrics, for example {@code wasmtime}. */
  String name();

  /**
   * Validates and compiles a module. Blocks while compiling.
   *
   * @throws io.wasmhive.executor.InvalidModuleException if the engine rejects the bytes
   */
  EngineModule compile(byte[] wasm);

  /**
   * Prepares what the engine keeps for the calling thread, including host function slots for these
   * likely imports, so that the thread's first execution does not pay for them. A worker calls this
   * when it starts. Blocks while preparing.
   */
  default void warmUpThread(java.util.List<HostFunctionType> likelyImports) {
  }

  /** Frees what the engine keeps for the calling thread (a worker calls this before it exits). */
  default void releaseThreadResources() {
  }

  /** Releases the engine's native resources; modules and instances must be closed first. */
  @Override
  void close();
}
