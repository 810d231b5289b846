package io.wasmhive.executor.internal.registry;

import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.internal.wasm.ParsedModule;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registered module: what the parser learned of the original and the engine's compiled instrumented
 * code. Reference-counted so that the cache can evict it while executions still use it.
 */
public final class CompiledModule {

  private final ModuleInfo info;
  private final ParsedModule parsed;
  private final EngineModule engineModule;
  private final AtomicInteger references = new AtomicInteger(1);
  private final IdleInstances idle = new IdleInstances();

  CompiledModule(ModuleInfo info, ParsedModule parsed, EngineModule engineModule) {
    this.info = info;
    this.parsed = parsed;
    this.engineModule = engineModule;
  }

  public ModuleInfo info() {
    return info;
  }

  /** The original module as parsed (exports, imports, memory, start function). */
  public ParsedModule parsed() {
    return parsed;
  }

  /** The compiled, instrumented module. */
  public EngineModule engineModule() {
    return engineModule;
  }

  /** Instances of this module kept for reuse between executions; closed when the module is freed. */
  public IdleInstances idle() {
    return idle;
  }

  /** Takes a reference for an execution; false when the module was already freed. Thread-safe. */
  public boolean retain() {
    while (true) {
      int n = references.get();
      if (n == 0) {
        return false;
      }
      if (references.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Gives a reference back; the last one frees the compiled code. Thread-safe. */
  public void release() {
    if (references.decrementAndGet() == 0) {
      idle.closeAll();
      engineModule.close();
    }
  }
}
