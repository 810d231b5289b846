package io.wasmhive.executor.internal.wasmtime;

import io.github.kawamuray.wasmtime.Config;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.OptLevel;
import io.github.kawamuray.wasmtime.WasmtimeException;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.WasmEngine;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link WasmEngine} on Wasmtime 7 through wasmtime-java. Thread-safe. */
public final class WasmtimeEngine implements WasmEngine {

  private final Engine engine;
  private final Config config;
  private final EpochTicker ticker;
  private final WasmtimeSettings settings;
  private final long tickNanos;
  private final ThreadLocal<StoreSlot> slots = new ThreadLocal<>();
  private final AtomicInteger liveStores = new AtomicInteger();

  public WasmtimeEngine(WasmtimeSettings settings) {
    HostArchitecture.requireSafe();
    this.settings = settings;
    Set<WasmFeature> f = settings.features();
    this.config = new Config()
        .epochInterruption(true)
        .maxWasmStack(settings.maxWasmStack())
        .wasmSimd(f.contains(WasmFeature.SIMD))
        .wasmThreads(f.contains(WasmFeature.THREADS))
        // Reference types need bulk memory in Wasmtime; both follow the allowed set.
        .wasmReferenceTypes(f.contains(WasmFeature.REFERENCE_TYPES))
        .wasmBulkMemory(f.contains(WasmFeature.BULK_MEMORY) || f.contains(WasmFeature.REFERENCE_TYPES))
        .wasmMultiValue(true) // call wrappers return results plus gas left; the parser gates modules
        // Canonical NaNs make float results bit-identical across machines, which replay relies on.
        .craneliftNanCanonicalization(true)
        .craneliftOptLevel(settings.optimize() ? OptLevel.SPEED : OptLevel.NONE);
    this.engine = new Engine(config);
    this.tickNanos = settings.epochTick().toNanos();
    this.ticker = new EpochTicker(engine, settings.epochTick());
  }

  @Override
  public String name() {
    return "wasmtime";
  }

  @Override
  public EngineModule compile(byte[] wasm) {
    try {
      return new WasmtimeModule(this, new Module(engine, wasm));
    } catch (WasmtimeException e) {
      throw new InvalidModuleException("the engine rejected the module: " + e.getMessage(), e);
    }
  }

  /** The calling thread's store, or a fresh one that is not kept when that store is in use. */
  StoreSlot acquireSlot() {
    StoreSlot slot = slots.get();
    if (slot != null && slot.active()) {
      return new StoreSlot(engine, liveStores);
    }
    if (slot == null || slot.exhausted(settings)) {
      if (slot != null) {
        slot.dispose();
      }
      slot = new StoreSlot(engine, liveStores);
      slots.set(slot);
    }
    return slot;
  }

  /** Returns a slot after its instance closed; slots not kept for the thread are disposed. */
  void releaseSlot(StoreSlot slot, long memoryBytes) {
    slot.end(memoryBytes);
    if (slots.get() != slot) {
      slot.dispose();
    } else if (slot.exhausted(settings)) {
      slot.dispose();
      slots.remove();
    }
  }

  /** Epoch ticks from now until an absolute {@link System#nanoTime()} deadline, at least one. */
  long ticksUntil(long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    return Math.max(1, (remaining + tickNanos - 1) / tickNanos);
  }

  @Override
  public void warmUpThread(java.util.List<io.wasmhive.executor.engine.HostFunctionType> likelyImports) {
    StoreSlot slot = acquireSlot();
    for (io.wasmhive.executor.engine.HostFunctionType type : likelyImports) {
      slot.func(type.module() + "." + type.name(),
          new io.github.kawamuray.wasmtime.FuncType(Values.toValTypes(type.params()), Values.toValTypes(type.results())));
    }
    if (slots.get() != slot) {
      slot.dispose();
    }
  }

  /** Native stores not yet disposed: one per worker thread at most once idle (for leak checks and metrics). */
  public int liveStores() {
    return liveStores.get();
  }

  @Override
  public void releaseThreadResources() {
    StoreSlot slot = slots.get();
    if (slot != null && !slot.active()) {
      slot.dispose();
      slots.remove();
    }
  }

  @Override
  public void close() {
    ticker.close();
    releaseThreadResources();
    engine.dispose();
    config.dispose();
  }
}
