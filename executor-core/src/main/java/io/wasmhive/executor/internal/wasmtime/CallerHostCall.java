package io.wasmhive.executor.internal.wasmtime;

import io.github.kawamuray.wasmtime.Caller;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.WasmtimeException;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestMemoryAccessException;
import io.wasmhive.executor.engine.HostCall;
import java.util.Optional;

/** A host function's view of its calling instance, through Wasmtime's caller. */
final class CallerHostCall implements HostCall {

  private final Caller<Void> caller;
  private final StoreSlot slot;
  private final Store<Void> store;
  private BufferMemory memory;

  CallerHostCall(Caller<Void> caller, StoreSlot slot) {
    this.caller = caller;
    this.slot = slot;
    this.store = slot.store();
  }

  @Override
  public GuestMemory memory() {
    if (memory == null) {
      Optional<Extern> export = caller.getExport("memory");
      if (export.isEmpty() || export.get().type() != Extern.Type.MEMORY) {
        throw new GuestMemoryAccessException("the module exports no memory named 'memory'");
      }
      io.github.kawamuray.wasmtime.Memory mem = export.get().memory();
      memory = new BufferMemory(() -> mem.buffer(store));
    }
    return memory;
  }

  @Override
  public boolean hasExport(String name) {
    Optional<Extern> export = caller.getExport(name);
    return export.isPresent() && export.get().type() == Extern.Type.FUNC;
  }

  @Override
  public long[] callExport(String name, long... args) {
    Optional<Extern> export = caller.getExport(name);
    if (export.isEmpty() || export.get().type() != Extern.Type.FUNC) {
      throw new IllegalArgumentException("the module exports no function named '" + name + "'");
    }
    Func func = export.get().func();
    if (memory != null) {
      // The guest may grow its memory while we are in it.
      memory.invalidate();
    }
    try {
      Val[] params = new Val[args.length];
      for (int i = 0; i < args.length; i++) {
        // Host re-entry is only used for alloc(i32) and similar i32 signatures.
        params[i] = Val.fromI32((int) args[i]);
      }
      Val[] results;
      try {
        results = func.call(store, params);
      } catch (WasmtimeException | WasmFunctionError e) {
        // The guest trapped, was interrupted or exited inside the re-entered export: say so in engine-neutral
        // terms, so that the host function lets it through and the outer call ends with the same outcome.
        throw WasmtimeInstance.translate(e, slot);
      }
      long[] out = new long[results.length];
      for (int i = 0; i < results.length; i++) {
        out[i] = Values.toBits(results[i]);
      }
      return out;
    } finally {
      func.dispose();
    }
  }
}
