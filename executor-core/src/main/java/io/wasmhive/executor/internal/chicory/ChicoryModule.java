package io.wasmhive.executor.internal.chicory;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.DataSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.OpCode;
import io.wasmhive.executor.UnknownImportException;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.InstanceLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A parsed module and the JVM classes Chicory's compiler made of it, once; thread-safe, instantiated once per
 * execution. Instances share the compiled classes, never state.
 */
final class ChicoryModule implements EngineModule {

  private final ChicoryEngine engine;
  private final WasmModule module;
  private final Function<Instance, Machine> machines;
  private final List<String> importKeys = new ArrayList<>();
  private final boolean resettable;
  private final int[] activeDataSegments;

  ChicoryModule(ChicoryEngine engine, WasmModule module, Function<Instance, Machine> machines) {
    this.engine = engine;
    this.module = module;
    this.machines = machines;
    this.resettable = canReset(module);
    for (int i = 0; i < module.importSection().importCount(); i++) {
      Import imp = module.importSection().getImport(i);
      if (imp.importType() != ExternalType.FUNCTION) {
        throw new UnknownImportException("only function imports are provided; the module imports "
            + imp.importType().name().toLowerCase(Locale.ROOT) + " " + imp.module() + "." + imp.name());
      }
      importKeys.add(imp.module() + "." + imp.name());
    }
    this.activeDataSegments = activeDataSegments(module);
  }

  private static int[] activeDataSegments(WasmModule module) {
    DataSection data = module.dataSection();
    return IntStream.range(0, data == null ? 0 : data.dataSegmentCount())
        .filter(i -> data.getDataSegment(i) instanceof ActiveDataSegment).toArray();
  }

  WasmModule module() {
    return module;
  }

  Function<Instance, Machine> machines() {
    return machines;
  }

  List<String> importKeys() {
    return importKeys;
  }

  /** The indexes of the module's active data segments, which every instance drops once it is initialised. */
  int[] activeDataSegments() {
    return activeDataSegments;
  }

  @Override
  public EngineInstance instantiate(Map<String, HostFunction> imports, InstanceLimits limits) {
    return ChicoryInstance.create(engine, this, imports, limits);
  }

  /**
   * Instances can be reset unless the module has a shared memory (whose atomics the write tracking does not
   * cover; threads are off by default) or drops a data segment (LLVM emits {@code data.drop} only for shared
   * memories).
   */
  @Override
  public String engineName() {
    return "chicory";
  }

  @Override
  public boolean resettable() {
    return resettable;
  }

  /** No shared memory and no {@code data.drop} (a dropped data segment cannot be brought back). */
  private static boolean canReset(WasmModule module) {
    if (module.memorySection().map(m -> m.memoryCount() > 0 && m.getMemory(0).limits().shared()).orElse(false)) {
      return false;
    }
    for (FunctionBody body : module.codeSection().functionBodies()) {
      for (AnnotatedInstruction instruction : body.instructions()) {
        if (instruction.opcode() == OpCode.DATA_DROP) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public void close() {
    // Compiled classes are unloaded with their class loader once no instance references them.
  }
}
