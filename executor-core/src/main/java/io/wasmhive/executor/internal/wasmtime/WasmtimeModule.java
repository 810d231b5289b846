package io.wasmhive.executor.internal.wasmtime;

import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.ImportType;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.WasmtimeException;
import io.wasmhive.executor.UnknownImportException;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.InstanceLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A compiled Wasmtime module; thread-safe, instantiated once per execution. */
final class WasmtimeModule implements EngineModule {

  private final WasmtimeEngine engine;
  private final Module module;
  private final List<String> importKeys = new ArrayList<>();

  WasmtimeModule(WasmtimeEngine engine, Module module) {
    this.engine = engine;
    this.module = module;
    for (ImportType imp : module.imports()) {
      if (imp.type() != ImportType.Type.FUNC) {
        module.dispose();
        throw new UnknownImportException("only function imports are provided; the module imports "
            + imp.type().name().toLowerCase() + " " + imp.module() + "." + imp.name());
      }
      importKeys.add(imp.module() + "." + imp.name());
    }
  }

  @Override
  public EngineInstance instantiate(Map<String, HostFunction> imports, InstanceLimits limits) {
    StoreSlot slot = engine.acquireSlot();
    slot.begin(imports);
    try {
      List<Extern> externs = new ArrayList<>(importKeys.size());
      for (String key : importKeys) {
        HostFunction fn = imports.get(key);
        if (fn == null) {
          throw new UnknownImportException("the host provides no function " + key);
        }
        FuncType type = new FuncType(Values.toValTypes(fn.type().params()), Values.toValTypes(fn.type().results()));
        externs.add(Extern.fromFunc(slot.func(key, type)));
      }
      slot.store().setEpochDeadline(engine.ticksUntil(limits.deadlineNanos()));
      Instance instance = new Instance(slot.store(), module, externs);
      return new WasmtimeInstance(engine, slot, instance);
    } catch (WasmtimeException e) {
      engine.releaseSlot(slot, 0);
      throw WasmtimeInstance.translate(e, slot);
    } catch (RuntimeException e) {
      engine.releaseSlot(slot, 0);
      throw e;
    }
  }

  @Override
  public String engineName() {
    return "wasmtime";
  }

  @Override
  public void close() {
    module.dispose();
  }
}
