package io.wasmhive.executor.internal.wasmtime;

import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.WasmtimeException;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.GuestExit;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestTrap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One Wasmtime instance in its worker's store. Not thread-safe. */
final class WasmtimeInstance implements EngineInstance {

  private final WasmtimeEngine engine;
  private final StoreSlot slot;
  private final Instance instance;
  private final Map<String, Optional<Func>> funcs = new HashMap<>();
  private Memory memory;
  private BufferMemory guestMemory;
  private boolean closed;

  WasmtimeInstance(WasmtimeEngine engine, StoreSlot slot, Instance instance) {
    this.engine = engine;
    this.slot = slot;
    this.instance = instance;
  }

  private Optional<Func> func(String name) {
    return funcs.computeIfAbsent(name, n -> instance.getFunc(slot.store(), n));
  }

  @Override
  public boolean hasExport(String name) {
    return func(name).isPresent();
  }

  @Override
  public WasmValue[] call(String export, WasmValue... args) {
    Func func = func(export).orElseThrow(() -> new IllegalArgumentException("no exported function " + export));
    Val[] params = new Val[args.length];
    for (int i = 0; i < args.length; i++) {
      params[i] = Values.toVal(Values.toValType(args[i].type()), args[i].bits());
    }
    Val[] results;
    if (guestMemory != null) {
      // Guest code may grow, and so move, the memory.
      guestMemory.invalidate();
    }
    try {
      results = func.call(slot.store(), params);
    } catch (WasmtimeException | WasmFunctionError e) {
      throw translate(e, slot);
    }
    Throwable pending = slot.takePending();
    if (pending != null) {
      throw rethrow(pending);
    }
    WasmValue[] out = new WasmValue[results.length];
    for (int i = 0; i < results.length; i++) {
      out[i] = new WasmValue(valueType(results[i].getType()), Values.toBits(results[i]));
    }
    return out;
  }

  /** Turns a binding error into the engine-neutral one, preferring what a host function threw. */
  static RuntimeException translate(RuntimeException e, StoreSlot slot) {
    Throwable pending = slot.takePending();
    if (pending != null) {
      return rethrow(pending);
    }
    if (e instanceof WasmFunctionError.I32ExitError exit) {
      return new GuestExit(exit.exitCode());
    }
    if (e instanceof WasmFunctionError.TrapError trap) {
      return new GuestTrap(kind(trap.trap()), e.getMessage());
    }
    return new GuestTrap(GuestTrap.Kind.OTHER, e.getMessage());
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(t);
  }

  private static GuestTrap.Kind kind(io.github.kawamuray.wasmtime.Trap trap) {
    return switch (trap) {
      case STACK_OVERFLOW -> GuestTrap.Kind.STACK_OVERFLOW;
      case MEMORY_OUT_OF_BOUNDS -> GuestTrap.Kind.MEMORY_OUT_OF_BOUNDS;
      case HEAP_MISALIGNED -> GuestTrap.Kind.HEAP_MISALIGNED;
      case TABLE_OUT_OF_BOUNDS -> GuestTrap.Kind.TABLE_OUT_OF_BOUNDS;
      case INDIRECT_CALL_TO_NULL -> GuestTrap.Kind.INDIRECT_CALL_TO_NULL;
      case BAD_SIGNATURE -> GuestTrap.Kind.BAD_SIGNATURE;
      case INTEGER_OVERFLOW -> GuestTrap.Kind.INTEGER_OVERFLOW;
      case INTEGER_DIVISION_BY_ZERO -> GuestTrap.Kind.INTEGER_DIVISION_BY_ZERO;
      case BAD_CONVERSION_TO_INTEGER -> GuestTrap.Kind.BAD_CONVERSION_TO_INTEGER;
      case UNREACHABLE_CODE_REACHED -> GuestTrap.Kind.UNREACHABLE;
      case INTERRUPT -> GuestTrap.Kind.INTERRUPTED;
      default -> GuestTrap.Kind.OTHER;
    };
  }

  private static ValueType valueType(Val.Type type) {
    return switch (type) {
      case I32 -> ValueType.I32;
      case I64 -> ValueType.I64;
      case F32 -> ValueType.F32;
      case F64 -> ValueType.F64;
      default -> throw new IllegalStateException("unsupported result type " + type);
    };
  }

  @Override
  public void deadline(long deadlineNanos) {
    slot.store().setEpochDeadline(engine.ticksUntil(deadlineNanos));
  }

  @Override
  public GuestMemory memory() {
    if (guestMemory == null) {
      Optional<Memory> mem = instance.getMemory(slot.store(), "memory");
      if (mem.isEmpty()) {
        return null;
      }
      memory = mem.get();
      guestMemory = new BufferMemory(() -> memory.buffer(slot.store()));
    }
    return guestMemory;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    long memoryBytes = 0;
    Optional<Memory> mem = memory != null ? Optional.of(memory) : instance.getMemory(slot.store(), "memory");
    if (mem.isPresent()) {
      memoryBytes = mem.get().dataSize(slot.store());
      mem.get().dispose();
    }
    funcs.values().forEach(f -> f.ifPresent(Func::dispose));
    instance.dispose();
    engine.releaseSlot(slot, memoryBytes);
  }
}
