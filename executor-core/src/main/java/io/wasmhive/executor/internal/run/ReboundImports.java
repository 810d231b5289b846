package io.wasmhive.executor.internal.run;

import io.wasmhive.executor.engine.HostCall;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.HostFunctionType;
import io.wasmhive.executor.internal.host.HostEnvironment;
import io.wasmhive.executor.internal.wasm.ImportEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The imports of a reusable instance: one stand-in per import, bound to each execution's own host
 * environment in turn, so that an instance kept between executions never calls into a finished one's state.
 * Used by one thread at a time.
 */
final class ReboundImports {

  private final List<ImportEntry> entries;
  private final Slot[] slots;
  private final Map<String, HostFunction> functions = new HashMap<>();

  /** Stand-ins for the module's imports, typed as {@code host} offers them and bound to it. */
  ReboundImports(List<ImportEntry> entries, HostEnvironment host) {
    this.entries = entries;
    this.slots = new Slot[entries.size()];
    for (int i = 0; i < slots.length; i++) {
      ImportEntry imp = entries.get(i);
      HostFunction target = host.function(imp.module(), imp.name());
      slots[i] = new Slot(target.type());
      slots[i].target = target;
      functions.put(imp.module() + "." + imp.name(), slots[i]);
    }
  }

  /** What the engine binds the instance's imports to. */
  Map<String, HostFunction> functions() {
    return functions;
  }

  /** Points every import at {@code host}'s function of that name. */
  void bind(HostEnvironment host) {
    for (int i = 0; i < slots.length; i++) {
      ImportEntry imp = entries.get(i);
      slots[i].target = host.function(imp.module(), imp.name());
    }
  }

  /** Lets go of the last execution's host state, so that a kept instance does not hold its buffers. */
  void unbind() {
    for (Slot slot : slots) {
      slot.target = null;
    }
  }

  /** One import, calling whatever function it is bound to now. */
  private static final class Slot implements HostFunction {
    private final HostFunctionType type;
    private HostFunction target;

    Slot(HostFunctionType type) {
      this.type = type;
    }

    @Override
    public HostFunctionType type() {
      return type;
    }

    @Override
    public long[] call(HostCall call, long[] args) {
      return target.call(call, args);
    }
  }
}
