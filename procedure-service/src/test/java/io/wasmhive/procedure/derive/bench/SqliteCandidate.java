package io.wasmhive.procedure.derive.bench;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * SQLite through one of two drivers, sqlite4j (WebAssembly on Chicory) or xerial sqlite-jdbc (native). Both claim
 * the {@code jdbc:sqlite:} prefix, so the driver is called directly, never through DriverManager.
 */
final class SqliteCandidate implements Candidate {

  private static final int PAGE_SIZE = 4096;

  private final String name;
  private final Driver driver;
  private final DriverOps ops;

  /** What the two drivers offer beyond JDBC, each in its own unrelated classes. */
  interface DriverOps {
    byte[] serialize(Connection connection) throws SQLException;

    void deserialize(Connection connection, byte[] bytes) throws SQLException;

    /** Replaces the built-in SQL function {@code name} on this connection by one that fails the statement. */
    void refuse(Connection connection, String name) throws SQLException;
  }

  /** SQLite's built-in functions whose answer depends on the clock, randomness or the connection's history. */
  static final List<String> NONDETERMINISTIC = List.of("random", "randomblob", "current_timestamp",
      "current_date", "current_time", "date", "time", "datetime", "julianday", "unixepoch", "strftime",
      "timediff", "changes", "total_changes", "last_insert_rowid");

  SqliteCandidate(String name, Driver driver, DriverOps ops) {
    this.name = name;
    this.driver = driver;
    this.ops = ops;
  }

  static SqliteCandidate sqlite4j() {
    return new SqliteCandidate("sqlite4j", new io.roastedroot.sqlite4j.JDBC(), new DriverOps() {
      @Override
      public byte[] serialize(Connection c) throws SQLException {
        return c.unwrap(io.roastedroot.sqlite4j.SQLiteConnection.class).serialize("main");
      }

      @Override
      public void deserialize(Connection c, byte[] bytes) throws SQLException {
        c.unwrap(io.roastedroot.sqlite4j.SQLiteConnection.class).deserialize("main", bytes);
      }

      @Override
      public void refuse(Connection c, String function) throws SQLException {
        io.roastedroot.sqlite4j.Function.create(c, function, new io.roastedroot.sqlite4j.Function() {
          @Override
          public void xFunc() throws SQLException {
            error(function + "() is not deterministic");
          }
        });
      }
    });
  }

  static SqliteCandidate xerial() {
    return new SqliteCandidate("xerial", new org.sqlite.JDBC(), new DriverOps() {
      @Override
      public byte[] serialize(Connection c) throws SQLException {
        return c.unwrap(org.sqlite.SQLiteConnection.class).serialize("main");
      }

      @Override
      public void deserialize(Connection c, byte[] bytes) throws SQLException {
        c.unwrap(org.sqlite.SQLiteConnection.class).deserialize("main", bytes);
      }

      @Override
      public void refuse(Connection c, String function) throws SQLException {
        org.sqlite.Function.create(c, function, new org.sqlite.Function() {
          @Override
          protected void xFunc() throws SQLException {
            error(function + "() is not deterministic");
          }
        });
      }
    });
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Connection open() throws SQLException {
    Connection c = driver.connect("jdbc:sqlite::memory:", new Properties());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = " + PAGE_SIZE);
    }
    c.setAutoCommit(false);
    return c;
  }

  @Override
  public byte[] export(Connection connection) throws SQLException {
    connection.commit();
    return ops.serialize(connection);
  }

  @Override
  public Connection restore(byte[] exported) throws SQLException {
    Connection c = driver.connect("jdbc:sqlite::memory:", new Properties());
    ops.deserialize(c, exported);
    c.setAutoCommit(false);
    return c;
  }

  @Override
  public void cap(Connection connection, long bytes) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA max_page_count = " + Math.max(1, bytes / PAGE_SIZE));
    }
    connection.commit();
  }

  @Override
  public void afterEngineRollback(Connection connection) throws SQLException {
    // both drivers' rollback() runs "rollback;" then "begin;", and the first failed: begin as they would have
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN");
    }
  }

  @Override
  public void refuseNondeterministic(Connection connection) throws SQLException {
    for (String function : NONDETERMINISTIC) {
      ops.refuse(connection, function);
    }
  }

  @Override
  public String capMechanism() {
    return "PRAGMA max_page_count (pages of " + PAGE_SIZE + " B)";
  }
}
