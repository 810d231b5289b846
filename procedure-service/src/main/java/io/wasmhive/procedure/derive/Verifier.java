package io.wasmhive.procedure.derive;

import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.config.ProcedureProperties;
import io.wasmhive.procedure.derive.engine.DerivationEngine;
import io.wasmhive.procedure.derive.engine.MessageLimits;
import io.wasmhive.procedure.derive.engine.Outcome;
import io.wasmhive.procedure.derive.engine.Reducer;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.sql.SqlEngine;
import io.wasmhive.procedure.derive.sql.SqlEngines;
import io.wasmhive.procedure.derive.sql.SqlRefusedException;
import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.sql.SQLException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Replays a log statelessly (nothing is stored): reducer, schema, limits and messages in, the resulting state hash
 * out, compared with the expected final hash and, when given, the expected hash after each message (the first
 * position that differs is where the log's claimed state diverges). Bounded by {@code derivation.verify-max-*}.
 * Blocks on the executor; thread-safe.
 */
@Service
public class Verifier {

  private final DerivationEngine engine;
  private final WasmExecutor executor;
  private final SqlEngines sql;
  private final DerivationProperties properties;
  private final LimitsResolver limits;
  private final long maxModuleBytes;

  Verifier(DerivationEngine engine, WasmExecutor executor, SqlEngines sql, DerivationProperties properties,
      ProcedureProperties procedures) {
    this.engine = engine;
    this.executor = executor;
    this.sql = sql;
    this.properties = properties;
    this.limits = new LimitsResolver(properties);
    this.maxModuleBytes = procedures.maxModuleSize().toBytes();
  }

  /**
   * The replay's result.
   *
   * @param verified whether every given expectation held
   * @param position how many messages were replayed
   * @param stateHash the state hash after them (or after the diverging message)
   * @param chainHash the log's hash chain head
   * @param applied how many were applied
   * @param rejected how many were rejected
   * @param divergedAt the first position whose state hash differs from the expected one, or {@code null}
   * @param sqlEngine the SQL engine the log was replayed on
   */
  public record Result(boolean verified, long position, String stateHash, String chainHash, long applied,
      long rejected, Long divergedAt, String sqlEngine) {
  }

  /** Replays on the engine called {@code engineName} ({@code null}: the configured {@code derivation.sql-engine}). */
  public Result verify(byte[] wasm, String schema, LimitsSpec spec, List<byte[]> messages, String expectedFinal,
      List<String> expectedEach, String engineName) {
    check(schema, messages, expectedFinal, expectedEach);
    SqlEngine sqlEngine;
    try {
      sqlEngine = engineName == null ? sql.configured() : sql.of(engineName);
    } catch (IllegalArgumentException e) {
      throw bad("sql_engine: " + e.getMessage());
    }
    MessageLimits resolved = limits.resolve(spec);
    Reducer reducer = ReducerCheck.check(executor, wasm, maxModuleBytes, resolved.maxMemory());
    try (DerivationDatabase db = DerivationDatabase.create(sqlEngine, schema, Derivations.bounds(properties))) {
      String state = db.measure().sha256();
      String chain = io.wasmhive.procedure.derive.store.Derivation.GENESIS;
      long applied = 0;
      for (int i = 0; i < messages.size(); i++) {
        Outcome outcome = engine.apply(reducer, resolved, db, messages.get(i));
        state = outcome.stateHash();
        chain = HashChain.next(chain, messages.get(i));
        applied += outcome.applied() ? 1 : 0;
        if (expectedEach != null && !state.equals(expectedEach.get(i))) {
          return new Result(false, i + 1, state, chain, applied, i + 1 - applied, (long) i + 1,
              sqlEngine.name());
        }
      }
      boolean verified = expectedFinal == null || expectedFinal.equals(state);
      return new Result(verified, messages.size(), state, chain, applied, messages.size() - applied, null,
          sqlEngine.name());
    } catch (SqlRefusedException e) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST, "schema refused: " + e.getMessage());
    } catch (SQLException e) {
      throw new IllegalStateException("measuring the database failed", e);
    }
  }

  private void check(String schema, List<byte[]> messages, String expectedFinal, List<String> expectedEach) {
    if (schema == null || schema.isBlank()) {
      throw bad("schema is required");
    }
    if (expectedFinal == null && expectedEach == null) {
      throw bad("give expected_state_hash, expected_state_hashes or both: there is nothing to verify against");
    }
    if (expectedEach != null && expectedEach.size() != messages.size()) {
      throw bad("expected_state_hashes has " + expectedEach.size() + " hashes for " + messages.size() + " messages");
    }
    if (messages.size() > properties.verifyMaxMessages()) {
      throw new ProcedureException(ErrorCode.PAYLOAD_TOO_LARGE, "verify replays at most "
          + properties.verifyMaxMessages() + " messages, got " + messages.size());
    }
    long bytes = messages.stream().mapToLong(m -> m.length).sum();
    if (bytes > properties.verifyMaxBytes().toBytes()) {
      throw new ProcedureException(ErrorCode.PAYLOAD_TOO_LARGE, "verify replays at most "
          + properties.verifyMaxBytes().toBytes() + " bytes of messages, got " + bytes);
    }
  }

  private static ProcedureException bad(String message) {
    return new ProcedureException(ErrorCode.BAD_REQUEST, message);
  }
}
