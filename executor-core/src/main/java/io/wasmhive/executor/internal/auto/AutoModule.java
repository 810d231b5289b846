package io.wasmhive.executor.internal.auto;

import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.InstanceLimits;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A module on the light engine until its executions prove heavy, then on the heavy engine, compiled in the
 * background meanwhile. Thread-safe.
 */
final class AutoModule implements EngineModule {

  private final AutoEngine engine;
  private final EngineModule light;
  private final GasWindow window;
  private final AtomicBoolean moving = new AtomicBoolean();
  private volatile byte[] wasm;
  private volatile EngineModule heavy;
  private volatile boolean closed;

  /** @param light the module on the light engine, or null when only the heavy one accepted it */
  AutoModule(AutoEngine engine, byte[] wasm, EngineModule light, EngineModule heavy, AutoSettings settings) {
    this.engine = engine;
    this.wasm = heavy == null ? wasm : null;
    this.light = light;
    this.heavy = heavy;
    this.window = new GasWindow(settings);
  }

  @Override
  public String engineName() {
    return runsOn();
  }

  /** The engine that runs the module now: {@code heavy} once it moved, else {@code light}. */
  String runsOn() {
    return heavy != null ? engine.heavyName() : engine.lightName();
  }

  @Override
  public EngineInstance instantiate(Map<String, HostFunction> imports, InstanceLimits limits) {
    EngineModule current = heavy;
    return (current != null ? current : light).instantiate(imports, limits);
  }

  @Override
  public boolean resettable() {
    return heavy == null && light.resettable();
  }

  @Override
  public void executed(long gasUsed) {
    if (heavy == null && window.record(gasUsed) && moving.compareAndSet(false, true)) {
      engine.compileHeavy(this, wasm);
    }
  }

  /** Installs the heavy engine's module (the background compiler calls this); closes it if this module is closed. */
  void moved(EngineModule compiled) {
    synchronized (this) {
      if (!closed) {
        heavy = compiled;
        wasm = null;
        return;
      }
    }
    compiled.close();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    if (light != null) {
      light.close();
    }
    EngineModule h = heavy;
    if (h != null) {
      h.close();
    }
  }
}
