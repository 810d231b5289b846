package io.wasmhive.executor.internal.auto;

import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.HostFunctionType;
import io.wasmhive.executor.engine.WasmEngine;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Two engines as one: modules start on {@code light} (cheap to enter and to reset, for calls that stay
 * short) and move to {@code heavy} (fastest code, dearer to enter) once the gas of their executions says so
 * ({@link AutoSettings}); a module only the heavy engine accepts runs there from the start. The heavy
 * engine compiles on one background thread, so no execution waits for it. Thread-safe.
 */
public final class AutoEngine implements WasmEngine {

  private final WasmEngine light;
  private final WasmEngine heavy;
  private final AutoSettings settings;
  private final ExecutorService compiler;

  /** @param heavy null where the heavy engine cannot run (then every module stays on {@code light}) */
  public AutoEngine(WasmEngine light, WasmEngine heavy, AutoSettings settings) {
    this.light = light;
    this.heavy = heavy;
    this.settings = settings;
    this.compiler = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "wasm-auto-compiler");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String name() {
    return "auto";
  }

  String lightName() {
    return light.name();
  }

  String heavyName() {
    return heavy == null ? light.name() : heavy.name();
  }

  /** Which engine runs this module now (for tests and metrics): the light or the heavy engine's name. */
  public static String runsOn(EngineModule module) {
    return module instanceof AutoModule auto ? auto.runsOn() : null;
  }

  @Override
  public EngineModule compile(byte[] wasm) {
    try {
      return new AutoModule(this, wasm, light.compile(wasm), null, settings);
    } catch (InvalidModuleException e) {
      if (heavy == null) {
        throw e;
      }
      // What the light engine cannot run (a limit of its own, e.g. a method too large) the heavy one may.
      return new AutoModule(this, wasm, null, heavy.compile(wasm), settings);
    }
  }

  /** Compiles the module for the heavy engine in the background and moves it there when done. */
  void compileHeavy(AutoModule module, byte[] wasm) {
    if (heavy == null || wasm == null) {
      return;
    }
    try {
      compiler.execute(() -> {
        try {
          module.moved(heavy.compile(wasm));
        } catch (RuntimeException e) {
          // The module stays on the light engine, which runs it correctly; only speed is lost.
        }
      });
    } catch (RejectedExecutionException e) {
      // The engine is closing.
    }
  }

  @Override
  public void warmUpThread(List<HostFunctionType> likelyImports) {
    light.warmUpThread(likelyImports);
    if (heavy != null) {
      heavy.warmUpThread(likelyImports);
    }
  }

  @Override
  public void releaseThreadResources() {
    light.releaseThreadResources();
    if (heavy != null) {
      heavy.releaseThreadResources();
    }
  }

  @Override
  public void close() {
    compiler.shutdownNow();
    try {
      // A compile still running must finish before the heavy engine's native resources go.
      compiler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    light.close();
    if (heavy != null) {
      heavy.close();
    }
  }
}
