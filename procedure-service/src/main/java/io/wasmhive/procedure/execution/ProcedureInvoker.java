package io.wasmhive.procedure.execution;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.ModuleNotFoundException;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.store.Limits;
import io.wasmhive.procedure.store.ModuleBytesStore;
import io.wasmhive.procedure.store.Procedure;
import io.wasmhive.procedure.store.ProcedureStore;
import java.util.List;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Calls procedures on the executor. The compiled module is taken from the executor's cache; on a miss its
 * bytes are read from {@link ModuleBytesStore} once and registered again. Blocks until the call ends;
 * thread-safe.
 */
@Service
public class ProcedureInvoker {

  private final ProcedureStore procedures;
  private final ModuleBytesStore modules;
  private final WasmExecutor executor;

  ProcedureInvoker(ProcedureStore procedures, ModuleBytesStore modules, WasmExecutor executor) {
    this.procedures = procedures;
    this.modules = modules;
    this.executor = executor;
  }

  /** Calls the procedure with JSON arguments; returns its JSON result (a number, a boolean or {@code null}). */
  public Object call(String database, String name, List<JsonNode> args) {
    Procedure procedure = procedures.find(database, name)
        .orElseThrow(() -> ProcedureException.procedureNotFound(name));
    List<WasmValue> values = ArgumentConverter.convert(procedure, args);
    ExecutionResult result = run(procedure, values, null);
    if (result.error() instanceof ModuleNotFoundException) {
      byte[] bytes = modules.get(procedure.moduleSha256()).orElseThrow(() -> new ProcedureException(
          ErrorCode.INTERNAL_ERROR, "the module " + procedure.moduleSha256() + " of " + name + " is missing"));
      result = run(procedure, values, bytes);
    }
    if (!result.success()) {
      throw ProcedureException.from(result.error());
    }
    return ResultConverter.toJson(procedure, result.values());
  }

  private ExecutionResult run(Procedure procedure, List<WasmValue> values, byte[] moduleBytes) {
    Limits limits = procedure.limits();
    ExecutionTask task = ExecutionTask.builder(procedure.moduleSha256())
        .moduleBytes(moduleBytes)
        .entry(new Entry.Typed(procedure.export(), values))
        .policy(new Policy(limits.maxMemory(), limits.maxGas(), limits.maxTimeMs(), 0))
        .build();
    try {
      return executor.execute(task);
    } catch (ExecutorException e) {
      throw ProcedureException.from(e);
    }
  }
}
