package io.wasmhive.procedure.derive.sql;

import io.wasmhive.executor.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One derivation's database: in memory on a {@link SqlEngine}, its schema applied once, changed only through
 * guarded statements inside a message's transaction ({@link #begin}, {@link #commit}, {@link #rollback}), measured
 * and hashed through its canonical {@link StateDump}. Not thread-safe: one writer at a time (the caller serialises
 * messages and queries of one derivation). Blocks on the engine.
 */
public final class DerivationDatabase implements AutoCloseable {

  /** The most statements a schema may have. */
  public static final int MAX_SCHEMA_STATEMENTS = 64;
  /** How many prepared statements one database keeps for reuse. */
  static final int KEPT_STATEMENTS = 32;
  /** Why a message whose statement filled the engine's storage cap is rejected. */
  public static final String FULL = "database storage limit (max_db_bytes)";
  /** Why a message whose statement was interrupted at its deadline is rejected. */
  public static final String TIMEOUT = "time limit (max_time)";

  private final SqlEngine engine;
  private final Connection connection;
  private final SqlBounds bounds;
  private final List<TableInfo> tables;
  private boolean inMessage;
  /** The measure of the committed state, when known: what {@link #measure} answers outside a message. */
  private StateDump.Result committed;
  /** A measure taken inside the message after its last change; becomes {@link #committed} on commit. */
  private StateDump.Result pending;
  /** Statements prepared for this connection, by their text, least recently used first. */
  private final Map<String, Prepared> statements = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
      if (size() > KEPT_STATEMENTS) {
        closeQuietly(eldest.getValue().statement());
        return true;
      }
      return false;
    }
  };
  /** The dump's statements, one per table (the schema fixes the tables, so this stays small). */
  private final Map<String, PreparedStatement> dumpStatements = new HashMap<>();
  /** Why the current message's transaction already ended (the engine rolled it back), or {@code null}. */
  private String aborted;
  private long cappedAt = -1;
  private boolean nativeCap;

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
      List<TableInfo> tables = SchemaReader.read(connection, engine);
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
    aborted = null;
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
    engine.rollback(connection);
    pending = null;
    inMessage = false;
    aborted = null;
  }

  /**
   * Why the current message's transaction was already ended by the engine (a full database, an interrupted
   * statement), or {@code null}: such a message must be rejected, and its later statements are refused.
   */
  public String aborted() {
    return aborted;
  }

  /**
   * Caps the database's storage through the engine for a {@code max_db_bytes} of {@code bytes} (once per value);
   * answers whether the engine enforces a cap itself ({@link SqlEngine#cap}).
   */
  public boolean cap(long bytes) throws SQLException {
    if (bytes != cappedAt) {
      nativeCap = engine.cap(connection, bytes);
      cappedAt = bytes;
    }
    return nativeCap;
  }

  /** Runs a guarded INSERT, UPDATE or DELETE of the current message; answers the rows changed. */
  public long exec(String sql, byte[] params, Duration timeout) throws DatabaseException {
    if (!inMessage) {
      throw new DatabaseException(DatabaseException.REFUSED, "changes are only allowed while a message is applied");
    }
    requireNotAborted();
    pending = null;
    try {
      return prepare(sql, params, timeout, false).executeLargeUpdate();
    } catch (SQLException e) {
      throw translate(e);
    } finally {
      unbound();
    }
  }

  /** Runs a guarded read-only query; answers its rows as JSON ({@link RowsJson}). */
  public byte[] query(String sql, byte[] params, Duration timeout) throws DatabaseException {
    requireNotAborted();
    try (ResultSet rs = prepare(sql, params, timeout, true).executeQuery()) {
      return RowsJson.write(rs, bounds, engine);
    } catch (SQLException e) {
      throw translate(e);
    } finally {
      unbound();
    }
  }

  private void requireNotAborted() throws DatabaseException {
    if (aborted != null) {
      throw new DatabaseException(DatabaseException.LIMIT, "the message's transaction has ended: " + aborted);
    }
  }

  private void unbound() {
    try {
      engine.unbound(connection);
    } catch (SQLException ignored) {
      // The next statement's bound replaces this one.
    }
  }

  private PreparedStatement prepare(String sql, byte[] params, Duration timeout, boolean query)
      throws DatabaseException, SQLException {
    if (sql == null || sql.length() > bounds.maxSqlBytes()) {
      throw new DatabaseException(DatabaseException.LIMIT, "a statement may be at most " + bounds.maxSqlBytes()
          + " characters long");
    }
    Prepared prepared = statements.get(sql);
    boolean kept = prepared != null && prepared.query == query;
    if (!kept) {
      guard(sql, query);
    }
    List<Object> values = JsonParams.parse(params, bounds.maxParams());
    if (!kept) {
      prepared = prepareKept(sql, query);
    }
    PreparedStatement ps = prepared.statement;
    if (prepared.parameters != values.size()) {
      // SQLite would bind NULL to a parameter without a value; both engines refuse it the same way.
      throw new DatabaseException(DatabaseException.SQL_ERROR, "the statement has " + prepared.parameters
          + " parameters, got " + values.size());
    }
    ps.clearParameters();
    for (int i = 0; i < values.size(); i++) {
      ValueCodec.bind(ps, i + 1, values.get(i));
    }
    engine.bound(connection, ps, timeout);
    return ps;
  }

  private static void guard(String sql, boolean query) throws DatabaseException {
    try {
      if (query) {
        SqlGuard.checkQuery(sql);
      } else {
        SqlGuard.checkExec(sql);
      }
    } catch (SqlRefusedException e) {
      throw new DatabaseException(DatabaseException.REFUSED, e.getMessage());
    }
  }

  /**
   * Prepares a statement the guard let through, and keeps it for the next call with the same text (a reducer sends the same
   * few statements for every message; preparing them again was a sixth of a message's cost on SQLite). At most
   * {@link #KEPT_STATEMENTS} are kept, the least recently used closed first.
   */
  private Prepared prepareKept(String sql, boolean query) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      Prepared prepared = new Prepared(ps, ps.getParameterMetaData().getParameterCount(), query);
      Prepared replaced = statements.put(sql, prepared);
      if (replaced != null) {
        closeQuietly(replaced.statement);
      }
      return prepared;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  /** The dump's statement for {@code sql} (internal SQL, not guarded), prepared once per database. */
  private PreparedStatement dumpStatement(String sql) throws SQLException {
    PreparedStatement ps = dumpStatements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      dumpStatements.put(sql, ps);
    }
    return ps;
  }

  /** A guarded, prepared statement and its parameter count. */
  private record Prepared(PreparedStatement statement, int parameters, boolean query) {
  }

  private DatabaseException translate(SQLException e) {
    if (inMessage && aborted == null && engine.abortsTransaction(e)) {
      aborted = engine.isFull(e) ? FULL : engine.isTimeout(e) ? TIMEOUT : "database failure: " + engine.describe(e);
    }
    int code = engine.isConstraintViolation(e) ? DatabaseException.CONSTRAINT
        : engine.isTimeout(e) || engine.isFull(e) ? DatabaseException.LIMIT : DatabaseException.SQL_ERROR;
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
    StateDump.Result result = StateDump.write(this::dumpStatement, tables, engine, false);
    if (inMessage) {
      pending = result;
    } else {
      committed = result;
    }
    return result;
  }

  /** The canonical dump with its bytes: what a snapshot stores. */
  public StateDump.Result dump() throws SQLException {
    return StateDump.write(this::dumpStatement, tables, engine, true);
  }

  /** The connection, for this package's tests (the engine's own settings); never for a derivation's SQL. */
  Connection connectionForTests() {
    return connection;
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

  private static void closeQuietly(AutoCloseable statement) {
    try {
      statement.close();
    } catch (Exception ignored) {
      // A statement that fails to close goes with its connection.
    }
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
