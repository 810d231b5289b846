package io.wasmhive.procedure.derive.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@link SqlEngine} on H2 in memory: each {@link #openEmpty()} is an unnamed {@code jdbc:h2:mem:} database that
 * exists as long as its one connection. H2 cannot cap an in-memory database's size (only the canonical dump's check
 * bounds it); a statement is bounded by JDBC's query timeout, which H2 enforces. Thread-safe.
 */
public final class H2Engine implements SqlEngine {

  /** H2 appends {@code ; SQL statement: ...} and {@code [errorcode-version]} to its messages. */
  private static final Pattern STATEMENT_SUFFIX = Pattern.compile("(?s);\\s*SQL statement:.*$");
  private static final Pattern VERSION_SUFFIX = Pattern.compile("\\s*\\[\\d+-\\d+]\\s*$");

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public String version() {
    return org.h2.engine.Constants.VERSION;
  }

  @Override
  public Connection openEmpty() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:h2:mem:;DB_CLOSE_DELAY=0");
    try (Statement s = connection.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
    }
    connection.setAutoCommit(false);
    return connection;
  }

  @Override
  public boolean cap(Connection connection, long bytes) {
    return false;
  }

  @Override
  public void bound(Connection connection, PreparedStatement statement, Duration timeout) throws SQLException {
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    statement.setQueryTimeout((int) Math.min(Integer.MAX_VALUE, seconds));
  }

  @Override
  public String metadataSchema() {
    return "PUBLIC";
  }

  @Override
  public boolean isConstraintViolation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  @Override
  public boolean isTimeout(SQLException e) {
    return "57014".equals(e.getSQLState());
  }

  @Override
  public String describe(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    message = VERSION_SUFFIX.matcher(STATEMENT_SUFFIX.matcher(message).replaceFirst("")).replaceFirst("");
    message = VERSION_SUFFIX.matcher(message.strip()).replaceFirst("");
    return (e.getSQLState() == null ? "" : e.getSQLState() + ": ") + message.strip();
  }
}
