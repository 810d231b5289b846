package io.wasmhive.procedure.derive.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded SQL engine a derivation's database runs on, at the JDBC level, so that another engine (SQLite
 * compiled to WebAssembly, native SQLite) can replace H2 by implementing these few methods; everything above
 * (the guard, the canonical dump, snapshots) uses plain JDBC and standard SQL. Implementations are thread-safe.
 */
public interface SqlEngine {

  /** The engine's name as reported by the API ({@code h2}). */
  String name();

  /** A new, empty, private in-memory database in auto-commit off mode, its time zone UTC. Blocks briefly. */
  Connection openEmpty() throws SQLException;

  /** Whether the engine reports this failure as a constraint (key, unique, not null, check, foreign key). */
  boolean isConstraintViolation(SQLException e);

  /** Whether the failure is the statement's time running out. */
  boolean isTimeout(SQLException e);

  /**
   * The failure in words that do not depend on the engine's version or on the statement text (the guest may read
   * them through {@code db.error}, and a reducer that branches on them must do so identically on every replay).
   */
  String describe(SQLException e);
}
