package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.HostFunctionType;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.engine.WasmEngine;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real engine with two witnesses for what the executor cannot report itself: it hands every module it
 * is asked to compile (the instrumented bytes) to one, and every instance's final memory size in bytes,
 * read just before the instance closes, to the other. Everything else goes to the real engine unchanged.
 */
final class WitnessEngine implements WasmEngine {

  private final WasmEngine engine;
  private final Consumer<byte[]> compiled;
  private final Consumer<Long> finalMemory;

  WitnessEngine(WasmEngine engine, Consumer<byte[]> compiled, Consumer<Long> finalMemory) {
    this.engine = engine;
    this.compiled = compiled;
    this.finalMemory = finalMemory;
  }

  @Override
  public String name() {
    return engine.name();
  }

  @Override
  public EngineModule compile(byte[] wasm) {
    compiled.accept(wasm.clone());
    EngineModule module = engine.compile(wasm);
    return new EngineModule() {
      @Override
      public EngineInstance instantiate(Map<String, HostFunction> imports, InstanceLimits limits) {
        return new Instance(module.instantiate(imports, limits));
      }

      @Override
      public void close() {
        module.close();
      }
    };
  }

  @Override
  public void warmUpThread(List<HostFunctionType> likelyImports) {
    engine.warmUpThread(likelyImports);
  }

  @Override
  public void releaseThreadResources() {
    engine.releaseThreadResources();
  }

  @Override
  public void close() {
    engine.close();
  }

  private final class Instance implements EngineInstance {

    private final EngineInstance instance;

    Instance(EngineInstance instance) {
      this.instance = instance;
    }

    @Override
    public boolean hasExport(String name) {
      return instance.hasExport(name);
    }

    @Override
    public WasmValue[] call(String export, WasmValue... args) {
      return instance.call(export, args);
    }

    @Override
    public void deadline(long deadlineNanos) {
      instance.deadline(deadlineNanos);
    }

    @Override
    public GuestMemory memory() {
      return instance.memory();
    }

    @Override
    public void close() {
      GuestMemory memory = instance.memory();
      finalMemory.accept(memory == null ? 0 : memory.size());
      instance.close();
    }
  }
}
