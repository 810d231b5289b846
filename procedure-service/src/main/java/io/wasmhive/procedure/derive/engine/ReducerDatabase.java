package io.wasmhive.procedure.derive.engine;

import io.wasmhive.executor.DatabaseException;
import io.wasmhive.executor.DatabaseHandler;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import java.time.Duration;

/**
 * The reducer's {@code db.exec} and {@code db.query}, answered by the message's {@link DerivationDatabase} (whose
 * guard refuses what is not deterministic). Called on the executor's worker, one call at a time.
 */
final class ReducerDatabase implements DatabaseHandler {

  private final DerivationDatabase db;

  ReducerDatabase(DerivationDatabase db) {
    this.db = db;
  }

  @Override
  public long exec(String sql, byte[] paramsJson, Duration timeout) throws DatabaseException {
    return db.exec(sql, paramsJson, timeout);
  }

  @Override
  public byte[] query(String sql, byte[] paramsJson, Duration timeout) throws DatabaseException {
    return db.query(sql, paramsJson, timeout);
  }
}
