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

  /** The name of the engine that runs this module's next instance, e.g. {@code chicory}. */
  default String engineName() {
    return "";
  }

  /**
   * Whether instances of this module can be reset: created with {@link InstanceLimits#resettable()}, they
   * {@link EngineInstance#checkpoint()} and {@link EngineInstance#restore()}. False by default.
   */
  default boolean resettable() {
    return false;
  }

  /**
   * Tells the module how much gas an execution of it used, after it ended; an engine that chooses how to run
   * a module learns from it. Does nothing by default. Thread-safe.
   */
  default void executed(long gasUsed) {
  }

  /** Frees the compiled code once no instance uses it any more. */
  @Override
  void close();
}
