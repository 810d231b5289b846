package io.wasmhive.executor.engine;

import java.util.Map;

/** A compiled module, shareable by many threads; each execution instantiates it anew. */
public interface EngineModule extends AutoCloseable {

  /**
   * Creates a fresh instance. Blocks while instantiating. The caller closes the instance.
   *
   * @param imports one host function per function import of the module, keyed {@code module + "." + name}
   * @param limits what the engine enforces natively for this instance
   */
  EngineInstance instantiate(Map<String, HostFunction> imports, InstanceLimits limits);

  /** Frees the compiled code once no instance uses it any more. */
  @Override
  void close();
}
