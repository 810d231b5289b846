package io.wasmhive.procedure.derive.bench;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.h2.tools.RunScript;

/** H2 in a private unnamed in-memory database ({@code jdbc:h2:mem:}), optionally in PostgreSQL mode. */
final class H2Candidate implements Candidate {

  private final String name;
  private final String url;

  private H2Candidate(String name, String url) {
    this.name = name;
    this.url = url;
  }

  static H2Candidate plain() {
    return new H2Candidate("h2", "jdbc:h2:mem:");
  }

  static H2Candidate postgresMode() {
    return new H2Candidate("h2-pg", "jdbc:h2:mem:;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Connection open() throws SQLException {
    Connection c = new org.h2.Driver().connect(url, new Properties());
    c.setAutoCommit(false);
    return c;
  }

  @Override
  public byte[] export(Connection connection) throws SQLException {
    connection.commit();
    StringBuilder script = new StringBuilder();
    try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery("SCRIPT")) {
      while (rows.next()) {
        script.append(rows.getString(1)).append('\n');
      }
    }
    return script.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Connection restore(byte[] exported) throws SQLException {
    Connection c = open();
    RunScript.execute(c, new StringReader(new String(exported, StandardCharsets.UTF_8)));
    c.commit();
    return c;
  }

  @Override
  public void cap(Connection connection, long bytes) {
    throw new UnsupportedOperationException("H2 has no size limit for an in-memory database");
  }

  @Override
  public void afterEngineRollback(Connection connection) throws SQLException {
    throw new SQLException("H2 does not roll a transaction back by itself", "25000");
  }

  @Override
  public void refuseNondeterministic(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      // a built-in cannot be replaced: this fails with 'Function alias "RANDOM" already exists'
      s.execute("CREATE ALIAS RANDOM FOR 'java.lang.Math.random'");
    }
  }

  @Override
  public String capMechanism() {
    return "none in the engine (mem: reports no size; memFS: + DISK_SPACE_USED checked by the caller)";
  }
}
