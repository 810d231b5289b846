package io.wasmhive.procedure.derive.sql;

import io.wasmhive.executor.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * One derivation's database: in memory on a {@link SqlEngine}, its schema applied once, changed only through
 * guarded statements inside a message's transaction ({@link #begin}, {@link #commit}, {@link #rollback}), measured
 * and hashed through its canonical {@link StateDump}. Not thread-safe: one writer at a time (the caller serialises
 * messages and queries of one derivation). Blocks on the engine.
 */
public final class DerivationDatabase implements AutoCloseable {

  /** The most statements a schema may have. */
  public static final int MAX_SCHEMA_STATEMENTS = 64;

  private final SqlEngine engine;
  private final Connection connection;
  private final SqlBounds bounds;
  private final List<TableInfo> tables;
  private boolean inMessage;
  /** The measure of the committed state, when known: what {@link #measure} answers outside a message. */
  private StateDump.Result committed;
  /** A measure taken inside the message after its last change; becomes {@link #committed} on commit. */
  private StateDump.Result pending;

  private DerivationDatabase(SqlEngine engine, Connection connection, SqlBounds bounds, List<TableInfo> tables) {
    this.engine = engine;
    this.connection = connection;
    this.bounds = bounds;
    this.tables = tables;
  }

  /**
   * A new database with {@code schema} applied (checked by {@link SqlGuard#checkSchema}); fails with
   * {@link SqlRefusedException} when the schema is refused or does not apply.
   */
  public static DerivationDatabase create(SqlEngine engine, String schema, SqlBounds bounds) {
    List<String> statements = SqlGuard.checkSchema(schema, MAX_SCHEMA_STATEMENTS);
    Connection connection = null;
    try {
      connection = engine.openEmpty();
      try (Statement s = connection.createStatement()) {
        for (String statement : statements) {
          s.execute(statement);
        }
      }
      connection.commit();
      List<TableInfo> tables = SchemaReader.read(connection);
      if (tables.isEmpty()) {
        throw new SqlRefusedException("the schema creates no table");
      }
      return new DerivationDatabase(engine, connection, bounds, tables);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new SqlRefusedException("the schema does not apply: " + engine.describe(e));
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * A new database with {@code schema} applied and the rows of {@code dump} loaded; fails with
   * {@link SqlRefusedException} when the dump does not match the schema or does not decode.
   */
  public static DerivationDatabase restore(SqlEngine engine, String schema, SqlBounds bounds, byte[] dump) {
    DerivationDatabase db = create(engine, schema, bounds);
    try {
      StateLoader.load(db.connection, db.tables, dump);
      db.connection.commit();
      return db;
    } catch (SQLException e) {
      db.close();
      throw new SqlRefusedException("the snapshot does not load: " + engine.describe(e));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** Starts a message's transaction; every change until {@link #commit} or {@link #rollback} belongs to it. */
  public void begin() {
    if (inMessage) {
      throw new IllegalStateException("a message is already being applied");
    }
    inMessage = true;
  }

  public void commit() throws SQLException {
    requireMessage();
    connection.commit();
    committed = pending;
    pending = null;
    inMessage = false;
  }

  /** Undoes every change since {@link #begin}. */
  public void rollback() throws SQLException {
    requireMessage();
    connection.rollback();
    pending = null;
    inMessage = false;
  }

  /** Runs a guarded INSERT, UPDATE or DELETE of the current message; answers the rows changed. */
  public long exec(String sql, byte[] params, Duration timeout) throws DatabaseException {
    if (!inMessage) {
      throw new DatabaseException(DatabaseException.REFUSED, "changes are only allowed while a message is applied");
    }
    pending = null;
    try (PreparedStatement ps = prepare(sql, params, timeout, false)) {
      return ps.executeLargeUpdate();
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Runs a guarded read-only query; answers its rows as JSON ({@link RowsJson}). */
  public byte[] query(String sql, byte[] params, Duration timeout) throws DatabaseException {
    try (PreparedStatement ps = prepare(sql, params, timeout, true); ResultSet rs = ps.executeQuery()) {
      return RowsJson.write(rs, bounds);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private PreparedStatement prepare(String sql, byte[] params, Duration timeout, boolean query)
      throws DatabaseException, SQLException {
    if (sql == null || sql.length() > bounds.maxSqlBytes()) {
      throw new DatabaseException(DatabaseException.LIMIT, "a statement may be at most " + bounds.maxSqlBytes()
          + " characters long");
    }
    try {
      if (query) {
        SqlGuard.checkQuery(sql);
      } else {
        SqlGuard.checkExec(sql);
      }
    } catch (SqlRefusedException e) {
      throw new DatabaseException(DatabaseException.REFUSED, e.getMessage());
    }
    List<Object> values = JsonParams.parse(params, bounds.maxParams());
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < values.size(); i++) {
        ValueCodec.bind(ps, i + 1, values.get(i));
      }
      long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
      ps.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, seconds));
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  private DatabaseException translate(SQLException e) {
    int code = engine.isConstraintViolation(e) ? DatabaseException.CONSTRAINT
        : engine.isTimeout(e) ? DatabaseException.LIMIT : DatabaseException.SQL_ERROR;
    return new DatabaseException(code, engine.describe(e));
  }

  /**
   * The canonical dump's hash and size (no bytes kept). Reads every row, except outside a message when the
   * committed state was measured just before its commit (a rejected message then costs no second dump).
   */
  public StateDump.Result measure() throws SQLException {
    if (!inMessage && committed != null) {
      return committed;
    }
    StateDump.Result result = StateDump.write(connection, tables, false);
    if (inMessage) {
      pending = result;
    } else {
      committed = result;
    }
    return result;
  }

  /** The canonical dump with its bytes: what a snapshot stores. */
  public StateDump.Result dump() throws SQLException {
    return StateDump.write(connection, tables, true);
  }

  public SqlBounds bounds() {
    return bounds;
  }

  public String engineName() {
    return engine.name();
  }

  private void requireMessage() {
    if (!inMessage) {
      throw new IllegalStateException("no message is being applied");
    }
  }

  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // An in-memory database that fails to close is gone with its connection anyway.
      }
    }
  }
}
