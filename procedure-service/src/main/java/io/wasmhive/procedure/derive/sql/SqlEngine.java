package io.wasmhive.procedure.derive.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedded SQL engine a derivation's database runs on, at the JDBC level: {@link SqliteEngine} (the default)
 * and {@link H2Engine} implement these few methods; everything above (the guard, the canonical dump, snapshots)
 * uses plain JDBC. A derivation keeps the engine it was created on for life (its name is stored with it).
 * Implementations are thread-safe; a connection they open is not.
 */
public interface SqlEngine {

  /** The engine's name as stored with a derivation and reported by the API ({@code sqlite}, {@code h2}). */
  String name();

  /** The version of the engine's SQL library ({@code 3.50.2} for SQLite), recorded with a derivation. */
  String version();

  /** A new, empty, private in-memory database in auto-commit off mode, its time zone UTC. Blocks briefly. */
  Connection openEmpty() throws SQLException;

  /**
   * Caps the database's own storage at about {@code bytes} when the engine can (a statement that would grow it
   * further fails, see {@link #abortsTransaction}); answers whether it did. The cap is a memory bound, not the
   * deterministic {@code max_db_bytes} check, which is always the canonical dump's size.
   */
  boolean cap(Connection connection, long bytes) throws SQLException;

  /** Bounds the statement's running time by {@code timeout}: what stops a runaway statement on this engine. */
  void bound(Connection connection, PreparedStatement statement, Duration timeout) throws SQLException;

  /** Ends the bound of {@link #bound} once its statement is done. */
  default void unbound(Connection connection) throws SQLException {
  }

  /** Undoes the open transaction, also after a failure that already ended it ({@link #abortsTransaction}). */
  default void rollback(Connection connection) throws SQLException {
    connection.rollback();
  }

  /** Whether the engine reports this failure as a constraint (key, unique, not null, check, foreign key). */
  boolean isConstraintViolation(SQLException e);

  /** Whether the failure is the statement's time running out. */
  boolean isTimeout(SQLException e);

  /** Whether the failure is the database reaching its {@link #cap}. */
  default boolean isFull(SQLException e) {
    return false;
  }

  /**
   * Whether the failure ended the whole transaction (SQLite rolls back on a full database or an interrupt): the
   * message's earlier changes are gone, so the message must be rejected whatever its reducer does next.
   */
  default boolean abortsTransaction(SQLException e) {
    return false;
  }

  /**
   * The failure in words that do not depend on the engine's version or on the statement text (the guest may read
   * them through {@code db.error}, and a reducer that branches on them must do so identically on every replay).
   */
  String describe(SQLException e);

  /** The schema whose tables a derivation's metadata lists ({@code null}: the engine's only one). */
  default String metadataSchema() {
    return null;
  }

  /** The value family of a column declared with this JDBC type and type name, or empty when unsupported. */
  default Optional<ColumnKind> kindOf(int jdbcType, String typeName) {
    return ColumnKind.of(jdbcType);
  }

  /**
   * A stored value of a column of {@code kind}, as {@link ValueCodec} encodes it; fails with
   * {@link ValueTypeException} when the engine stored a value of another family there.
   */
  default Object read(ResultSet rs, int index, ColumnKind kind) throws SQLException {
    return ValueCodec.read(rs, index, kind);
  }

  /** A query result's value for JSON, given the column's kind when the engine reports one ({@code null} if not). */
  default Object resultValue(ResultSet rs, int index, ColumnKind kind) throws SQLException {
    return kind == null ? rs.getString(index) : ValueCodec.read(rs, index, kind);
  }
}
