package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TableInstance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TableLimits;
import io.wasmhive.executor.UnknownImportException;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.InstanceLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Chicory instance: its own memory, globals and tables over the module's shared compiled code. Not thread-safe. */
final class ChicoryInstance implements EngineInstance {

  private final ChicoryEngine engine;
  private final Map<String, Export> functionExports;
  private final Map<String, Callable> callables = new HashMap<>();
  private Instance instance;
  private long deadlineNanos;
  private ChicoryMemory memory;
  private TrackedMemory tracked;
  private InstanceState checkpoint;

  /** An export, its result types and how to call it. */
  private record Callable(ExportFunction function, ValueType[] results) {
  }

  private ChicoryInstance(ChicoryEngine engine, Map<String, Export> functionExports, long deadlineNanos) {
    this.engine = engine;
    this.functionExports = functionExports;
    this.deadlineNanos = deadlineNanos;
  }

  /** Instantiates {@code module} with the host functions, running its start function as Wasmtime does. */
  static ChicoryInstance create(ChicoryEngine engine, ChicoryModule module, Map<String, HostFunction> imports,
                  InstanceLimits limits) {
    ChicoryInstance self = new ChicoryInstance(engine, functionExports(module), limits.deadlineNanos());
    List<ImportFunction> functions = new ArrayList<>(module.importKeys().size());
    for (String key : module.importKeys()) {
      HostFunction fn = imports.get(key);
      if (fn == null) {
        throw new UnknownImportException("the host provides no function " + key);
      }
      functions.add(HostAdapter.bind(fn, self));
    }
    Instance.Builder builder = Instance.builder(module.module())
        .withImportValues(ImportValues.builder().withFunctions(functions).build())
        .withMachineFactory(module.machines())
        .withMemoryFactory(limits.resettable() ? self::trackedMemory : ByteArrayMemory::new)
        .withTableFactory(ChicoryInstance::ownTable)
        // Chicory would call an export named _start; the executor calls it itself. The start section still runs.
        .withStart(false);
    self.guest(() -> {
      self.instance = builder.build();
      dropActiveDataSegments(self.instance, module.activeDataSegments());
      return null;
    });
    return self;
  }

  /**
   * Drops the active data segments, as instantiation does in WebAssembly (a later {@code memory.init} of one with a
   * non-zero length traps, as on Wasmtime). Chicory 1.7.5 keeps them, so that such a {@code memory.init} copied their
   * bytes; found by the engine-differential test (seed 238 and nine others of the first 300).
   */
  private static void dropActiveDataSegments(Instance instance, int[] segments) {
    for (int segment : segments) {
      // What data.drop does: the instance's segment list, which its memory reads memory.init from too.
      instance.dropDataSegment(segment);
    }
  }

  private static Map<String, Export> functionExports(ChicoryModule module) {
    ExportSection exports = module.module().exportSection();
    Map<String, Export> byName = new HashMap<>();
    for (int i = 0; i < exports.exportCount(); i++) {
      Export e = exports.getExport(i);
      if (e.exportType() == ExternalType.FUNCTION) {
        byName.put(e.name(), e);
      }
    }
    return byName;
  }

  @Override
  public boolean hasExport(String name) {
    return functionExports.containsKey(name);
  }

  private Callable callable(String name) {
    Callable c = callables.get(name);
    if (c == null) {
      if (!hasExport(name)) {
        throw new IllegalArgumentException("no exported function " + name);
      }
      FunctionType type = instance.exportType(name);
      ValueType[] results = new ValueType[type.returns().size()];
      for (int i = 0; i < results.length; i++) {
        results[i] = ChicoryValues.toValueType(type.returns().get(i));
      }
      c = new Callable(instance.export(name), results);
      callables.put(name, c);
    }
    return c;
  }

  @Override
  public WasmValue[] call(String export, WasmValue... args) {
    Callable c = callable(export);
    long[] params = new long[args.length];
    for (int i = 0; i < args.length; i++) {
      params[i] = args[i].bits();
    }
    long[] raw = guest(() -> c.function().apply(params));
    WasmValue[] out = new WasmValue[c.results().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = new WasmValue(c.results()[i], ChicoryValues.normalize(c.results()[i], raw[i]));
    }
    return out;
  }

  /** Calls an export for a host function (re-entry): i32 arguments, raw results. */
  long[] callRaw(String export, long... args) {
    Callable c = callable(export);
    long[] raw = guest(() -> c.function().apply(args));
    long[] out = new long[c.results().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ChicoryValues.normalize(c.results()[i], raw[i]);
    }
    return out;
  }

  /** What runs guest code, as Chicory does it. */
  @FunctionalInterface
  interface GuestCode<T> {
    T run();
  }

  /**
   * Runs guest code under this instance's deadline. Chicory's exceptions become {@link
   * io.wasmhive.executor.engine.GuestTrap}s; whatever a host function threw comes out unchanged.
   */
  <T> T guest(GuestCode<T> code) {
    DeadlineWatch watch = engine.watch();
    watch.enter(this, deadlineNanos);
    try {
      return code.run();
    } catch (ChicoryException | StackOverflowError e) {
      RuntimeException host = HostAdapter.hostFailure(e);
      if (host != null) {
        throw host;
      }
      throw Traps.of(e, watch.fired() || System.nanoTime() - deadlineNanos >= 0);
    } finally {
      watch.exit();
    }
  }

  DeadlineWatch watch() {
    return engine.watch();
  }

  @Override
  public void deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    engine.watch().moveDeadline(this, deadlineNanos);
  }

  @Override
  public GuestMemory memory() {
    if (memory == null) {
      if (!hasMemoryExport()) {
        return null;
      }
      memory = new ChicoryMemory(instance.exports().memory("memory"));
    }
    return memory;
  }

  private boolean hasMemoryExport() {
    ExportSection exports = instance.module().exportSection();
    for (int i = 0; i < exports.exportCount(); i++) {
      Export e = exports.getExport(i);
      if (e.exportType() == ExternalType.MEMORY && e.name().equals("memory")) {
        return true;
      }
    }
    return false;
  }

  /** The instance's exported memory for a host call; null without one. */
  GuestMemory memoryOrNull() {
    return memory();
  }

  /**
   * A table with limits of its own: Chicory 1.7.5's {@code table.grow} raises the minimum of the limits it was
   * made with, which by default are the parsed module's, shared by every instance, so one execution's grow
   * would give the next instance a larger table.
   */
  private static TableInstance ownTable(Table table, int initValue) {
    TableLimits l = table.limits();
    return new TableInstance(new Table(table.elementType(), new TableLimits(l.min(), l.max(), l.shared()),
        table.initialize()), initValue);
  }

  private Memory trackedMemory(MemoryLimits limits) {
    tracked = new TrackedMemory(limits);
    return tracked;
  }

  @Override
  public boolean checkpoint() {
    if (instance == null || (tracked == null && instance.memory() != null)) {
      return false;
    }
    checkpoint = new InstanceState(instance);
    if (tracked != null) {
      tracked.checkpoint();
    }
    return true;
  }

  @Override
  public boolean restore() {
    return checkpoint != null && instance != null && (tracked == null || tracked.restore()) && checkpoint.restore();
  }

  @Override
  public void close() {
    instance = null;
    memory = null;
    callables.clear();
  }
}
