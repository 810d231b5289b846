package io.wasmhive.procedure.derive.engine;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorException;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.sql.StateDump;
import io.wasmhive.procedure.derive.sql.ValueTypeException;
import io.wasmhive.procedure.error.ProcedureException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * Applies one message: begin, run the reducer (deterministic mode, the message's limits), then commit when it
 * returned 0 and the database stays within {@code max_db_bytes}, else roll back and reject with a reason that
 * names only what every replay sees (the status, the trap code, the limit). Failures that are not the message's
 * (the executor overloaded or shutting down) throw {@link ProcedureException} and leave the database as it was.
 * Blocks until the message is applied; thread-safe, but the caller must not apply two messages to one database
 * at once.
 */
@Component
public class DerivationEngine {

  /**
   * The task id of every reduce call: the executor seeds its deterministic clock and random source from it, so
   * it must not vary between replays (the reducer has no clock or randomness to read anyway).
   */
  static final String TASK_ID = "derivation";

  private final WasmExecutor executor;

  DerivationEngine(WasmExecutor executor) {
    this.executor = executor;
  }

  /** Applies {@code message} to {@code db}; see the class comment. */
  public Outcome apply(Reducer reducer, MessageLimits limits, DerivationDatabase db, byte[] message) {
    cap(db, limits);
    db.begin();
    boolean done = false;
    try {
      String rejected = run(reducer, limits, db, message);
      if (db.aborted() != null) {
        rejected = db.aborted();
      }
      Outcome outcome = rejected == null ? commitWithin(limits, db) : rollback(db, rejected);
      done = true;
      return outcome;
    } catch (SQLException e) {
      throw new IllegalStateException("the derivation's database failed: " + e.getMessage(), e);
    } finally {
      if (!done) {
        rollbackQuietly(db);
      }
    }
  }

  /** Runs the reducer; answers {@code null} when it returned 0, else the rejection's reason. */
  private String run(Reducer reducer, MessageLimits limits, DerivationDatabase db, byte[] message) {
    ExecutionTask task = ExecutionTask.builder(reducer.moduleSha256())
        .id(TASK_ID)
        .moduleBytes(reducer.bytes())
        .entry(Entry.message(Reducer.EXPORT, message))
        .deterministic(true)
        .policy(new Policy(limits.maxMemory(), limits.maxGas(), limits.maxTimeMs(), 0))
        .database(new ReducerDatabase(db))
        .build();
    ExecutionResult result = submit(task);
    if (!result.success()) {
      return reason(result.error());
    }
    if (result.values().size() != 1 || result.values().get(0).type() != ValueType.I32) {
      return "reduce did not return one i32";
    }
    int status = result.values().get(0).asInt();
    return status == 0 ? null : "reduce returned " + status;
  }

  private ExecutionResult submit(ExecutionTask task) {
    try {
      return executor.submit(task).join();
    } catch (ExecutorException e) {
      return failed(e);
    } catch (CompletionException e) {
      if (e.getCause() instanceof ExecutorException cause) {
        return failed(cause);
      }
      throw e;
    }
  }

  private static ExecutionResult failed(ExecutorException e) {
    if (reason(e) == null) {
      throw ProcedureException.from(e);
    }
    return new ExecutionResult(TASK_ID, e, 0, new byte[0], new byte[0], java.util.List.of(), null, 0, 0, "", "");
  }

  /** The deterministic reason for a failure that is the message's, or {@code null} for one that is not. */
  static String reason(ExecutorException e) {
    return switch (e.kind()) {
      case TRAP -> "trap: " + (e instanceof TrapException trap ? trap.trapCode() : "unknown");
      case OUT_OF_GAS -> "out of gas (max_gas)";
      case TIMEOUT -> "time limit (max_time)";
      case MEMORY_LIMIT -> "memory limit (max_memory)";
      case OUTPUT_LIMIT -> "output limit";
      default -> null;
    };
  }

  private static void cap(DerivationDatabase db, MessageLimits limits) {
    try {
      db.cap(limits.maxDbBytes());
    } catch (SQLException e) {
      throw new IllegalStateException("capping the derivation's database failed: " + e.getMessage(), e);
    }
  }

  /**
   * Commits when the canonical dump is within {@code max_db_bytes}: the deterministic size check on every engine
   * (the dump is computed for the state hash anyway; an engine's own storage cap depends on how the pages were
   * filled, which differs between a replay and a restored snapshot, so it is only a memory bound).
   */
  private static Outcome commitWithin(MessageLimits limits, DerivationDatabase db) throws SQLException {
    StateDump.Result state;
    try {
      state = db.measure();
    } catch (ValueTypeException e) {
      return rollback(db, e.getMessage());
    }
    if (state.size() > limits.maxDbBytes()) {
      return rollback(db, "database size " + state.size() + " bytes exceeds max_db_bytes " + limits.maxDbBytes());
    }
    db.commit();
    return new Outcome(true, null, state.sha256(), state.size());
  }

  private static Outcome rollback(DerivationDatabase db, String reason) throws SQLException {
    db.rollback();
    StateDump.Result state = db.measure();
    return new Outcome(false, reason, state.sha256(), state.size());
  }

  private static void rollbackQuietly(DerivationDatabase db) {
    try {
      db.rollback();
    } catch (SQLException | IllegalStateException ignored) {
      // The database is discarded by the caller when a message fails this way.
    }
  }
}
