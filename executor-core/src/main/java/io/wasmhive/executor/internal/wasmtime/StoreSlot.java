package io.wasmhive.executor.internal.wasmtime;

import io.github.kawamuray.wasmtime.Caller;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import io.wasmhive.executor.engine.HostFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * One store and the host functions created in it, used by one thread for one instance at a time.
 * Host functions are created once per store and dispatch to whatever the current instance bound, so a
 * store serves many executions; it is replaced after a number of instances or of retained memory bytes,
 * because Wasmtime frees an instance's memory only when its store goes.
 */
final class StoreSlot {

  private final Store<Void> store;
  private final Map<String, Func> funcs = new HashMap<>();
  private Map<String, HostFunction> bindings = Map.of();
  private Throwable pending;
  private int instances;
  private long retainedMemory;
  private boolean active;

  private final java.util.concurrent.atomic.AtomicInteger liveStores;

  StoreSlot(io.github.kawamuray.wasmtime.Engine engine, java.util.concurrent.atomic.AtomicInteger liveStores) {
    this.store = new Store<>(null, engine);
    this.liveStores = liveStores;
    liveStores.incrementAndGet();
  }

  Store<Void> store() {
    return store;
  }

  /** The store's host function for an import, created on first use. */
  Func func(String key, FuncType type) {
    return funcs.computeIfAbsent(key, k -> new Func(store, type, (caller, params, results) -> dispatch(k, caller, params, results)));
  }

  private void dispatch(String key, Caller<Void> caller, Val[] params, Val[] results) {
    HostFunction fn = bindings.get(key);
    try {
      long[] args = new long[params.length];
      for (int i = 0; i < params.length; i++) {
        args[i] = Values.toBits(params[i]);
      }
      long[] out = fn.call(new CallerHostCall(caller, this), args);
      for (int i = 0; i < results.length; i++) {
        results[i] = Values.toVal(typeOf(fn, i), out[i]);
      }
    } catch (Throwable t) {
      // The binding turns any Java exception into an untyped trap; keep the real one to rethrow.
      pending = t;
      throw new IllegalStateException("host function " + key + " failed");
    }
  }

  private static Val.Type typeOf(HostFunction fn, int result) {
    return Values.toValType(fn.type().results().get(result));
  }

  /** Marks the slot busy with an instance that uses these host function bindings. */
  void begin(Map<String, HostFunction> bindings) {
    this.bindings = bindings;
    this.active = true;
    this.pending = null;
    this.instances++;
  }

  /** Marks the slot free again and accounts the memory the finished instance leaves behind. */
  void end(long memoryBytes) {
    this.bindings = Map.of();
    this.active = false;
    this.pending = null;
    this.retainedMemory += memoryBytes;
  }

  boolean active() {
    return active;
  }

  boolean exhausted(WasmtimeSettings settings) {
    return instances >= settings.maxInstancesPerStore() || retainedMemory >= settings.maxRetainedMemoryPerStore();
  }

  /** The exception a host function threw during the last call, cleared by reading it. */
  Throwable takePending() {
    Throwable t = pending;
    pending = null;
    return t;
  }

  void dispose() {
    funcs.values().forEach(Func::dispose);
    funcs.clear();
    store.dispose();
    liveStores.decrementAndGet();
  }
}
