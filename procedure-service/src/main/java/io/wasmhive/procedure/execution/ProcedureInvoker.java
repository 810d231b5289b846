package io.wasmhive.procedure.execution;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.platform.security.Caller;
import io.wasmhive.procedure.catalog.ProcedureCatalog;
import io.wasmhive.procedure.error.ProcedureException;
import io.wasmhive.procedure.metrics.ProcedureMetrics;
import io.wasmhive.procedure.store.Limits;
import io.wasmhive.procedure.store.Procedure;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls procedures on the executor. Procedures come from {@link ProcedureCatalog#resolve}, which answers
 * from memory on a hit. The call names the module by SHA-256; the executor runs it from its cache, or on a miss
 * reads it from the shared module store (its module source) and registers it first. Blocks until the call ends;
 * thread-safe.
 */
@Service
public class ProcedureInvoker {

  private final ProcedureCatalog catalog;
  private final WasmExecutor executor;
  private final ProcedureMetrics metrics;
  private final JsonMapper json;

  ProcedureInvoker(ProcedureCatalog catalog, WasmExecutor executor, ProcedureMetrics metrics, JsonMapper json) {
    this.catalog = catalog;
    this.executor = executor;
    this.metrics = metrics;
    this.json = json;
  }

  /**
   * Calls the procedure with JSON arguments; returns its JSON result (a number, a boolean, a string, a JSON
   * tree or {@code null}).
   * The procedure is resolved once, from the catalog's cache, and the call runs on that version to its end
   * even when the procedure is replaced or dropped meanwhile.
   */
  public Object call(Caller caller, String database, String name, List<JsonNode> args) {
    long start = System.nanoTime();
    String tag = ProcedureMetrics.OTHER;
    String databaseTag = ProcedureMetrics.OTHER;
    String outcome = "ok";
    try {
      Procedure procedure = catalog.resolve(caller, database, name);
      tag = procedure.name();
      databaseTag = database;
      return call(procedure, args);
    } catch (ProcedureException e) {
      outcome = e.code().name();
      throw e;
    } catch (RuntimeException e) {
      outcome = "INTERNAL_ERROR";
      throw e;
    } finally {
      metrics.call(tag, databaseTag, outcome, System.nanoTime() - start);
    }
  }

  private Object call(Procedure procedure, List<JsonNode> args) {
    Entry entry = procedure.usesBytesAbi()
        ? new Entry.Bytes(procedure.export(), BytesArguments.encode(procedure, args))
        : new Entry.Typed(procedure.export(), ArgumentConverter.convert(procedure, args));
    ExecutionResult result = run(procedure, entry);
    if (!result.success()) {
      throw ProcedureException.from(result.error());
    }
    return procedure.usesBytesAbi() ? BytesResult.decode(procedure, result.output(), json)
        : ResultConverter.toJson(procedure, result.values());
  }

  private ExecutionResult run(Procedure procedure, Entry entry) {
    Limits limits = procedure.limits();
    ExecutionTask task = ExecutionTask.builder(procedure.moduleSha256())
        .entry(entry)
        .policy(new Policy(limits.maxMemory(), limits.maxGas(), limits.maxTimeMs(), 0))
        .build();
    try {
      // submit + join rather than execute: execute may spin briefly for the result (its Javadoc), and the
      // request threads of a loaded service should leave the cores to the workers that produce the results.
      return executor.submit(task).join();
    } catch (ExecutorException e) {
      throw ProcedureException.from(e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof ExecutorException cause) {
        throw ProcedureException.from(cause);
      }
      throw e;
    }
  }
}
