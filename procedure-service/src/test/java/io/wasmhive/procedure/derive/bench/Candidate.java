package io.wasmhive.procedure.derive.bench;

import java.sql.Connection;
import java.sql.SQLException;

/** One embedded SQL engine under comparison: a fresh private in-memory database, its own export, a size cap. */
interface Candidate {

  /** The short name printed in the tables. */
  String name();

  /** Opens a new, empty, private in-memory database with auto-commit off. Blocks. */
  Connection open() throws SQLException;

  /** The engine's own export of the whole database (SQLite serialize, H2 SCRIPT). Blocks. */
  byte[] export(Connection connection) throws SQLException;

  /** A new in-memory database holding what {@link #export} returned, auto-commit off. Blocks. */
  Connection restore(byte[] exported) throws SQLException;

  /** Caps the database at about {@code bytes}; how the engine does it is {@link #capMechanism()}. */
  void cap(Connection connection, long bytes) throws SQLException;

  /** What {@link #cap} does, in words, for the size-bound table. */
  String capMechanism();

  /**
   * Makes the engine itself refuse the clock, randomness and connection-history functions on this connection;
   * throws SQLException when the engine cannot (then the SQL must be refused before it reaches the engine).
   */
  void refuseNondeterministic(Connection connection) throws SQLException;

  /** Puts the driver back in step after the engine rolled a transaction back by itself (SQLite on SQLITE_FULL). */
  void afterEngineRollback(Connection connection) throws SQLException;
}
