package io.wasmhive.executor.internal.wasm;

import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import java.util.List;

/** One import-free instance in its own store and engine, disposed on close; for executing tests. */
final class Wasmtime implements AutoCloseable {

  private final Engine engine = new Engine();
  private final Store<Void> store = new Store<>(null, engine);
  private final Module module;
  private final Instance instance;

  Wasmtime(byte[] bytes) {
    module = new Module(engine, bytes);
    Instance created;
    try {
      created = new Instance(store, module, List.of());
    } catch (RuntimeException e) {
      module.dispose();
      store.dispose();
      engine.dispose();
      throw e;
    }
    instance = created;
  }

  /** Compiles {@code bytes} without instantiating; throws if the engine rejects them. */
  static void compile(byte[] bytes) {
    Engine engine = new Engine();
    try {
      new Module(engine, bytes).dispose();
    } finally {
      engine.dispose();
    }
  }

  Val[] call(String name, Val... args) {
    return instance.getFunc(store, name).orElseThrow(() -> new IllegalArgumentException(name)).call(store, args);
  }

  boolean hasExport(String name) {
    return instance.getFunc(store, name).isPresent();
  }

  /** Calls {@code name}, returning its results or the trap's class and message as a string. */
  String outcome(String name, Val... args) {
    try {
      return java.util.Arrays.toString(call(name, args));
    } catch (RuntimeException e) {
      return "trap";
    }
  }

  long gasLeft() {
    return call(Instrumentation.GAS_LEFT)[0].i64();
  }

  void setLimits(long gas, int maxPages) {
    call(Instrumentation.SET_LIMITS, Val.fromI64(gas), Val.fromI32(maxPages));
  }

  @Override
  public void close() {
    instance.dispose();
    module.dispose();
    store.dispose();
    engine.dispose();
  }
}
