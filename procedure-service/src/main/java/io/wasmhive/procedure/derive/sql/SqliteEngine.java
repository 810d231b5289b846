package io.wasmhive.procedure.derive.sql;

import io.roastedroot.sqlite4j.Function;
import io.roastedroot.sqlite4j.JDBC;
import io.roastedroot.sqlite4j.ProgressHandler;
import io.roastedroot.sqlite4j.SQLiteConnection;
import io.roastedroot.sqlite4j.SQLiteLimits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link SqlEngine} on SQLite compiled to WebAssembly and run by Chicory in pure Java (sqlite4j): each
 * {@link #openEmpty()} is a private {@code :memory:} database in its own WebAssembly instance, so the database
 * cannot reach the host's file system even through ATTACH or VACUUM INTO. Settings fixed at open: page size 4096,
 * foreign keys enforced (as H2 does), strings and blobs at most {@link #MAX_LENGTH} bytes, and the clock, random
 * and connection-history functions replaced by ones that fail (a second barrier behind {@link SqlGuard}). A
 * statement is bounded by a progress handler that interrupts it at its deadline (SQLite has no statement timeout;
 * sqlite4j's {@code setQueryTimeout} only sets the busy timeout). {@link #cap} sets {@code max_page_count}: a
 * statement that would grow the database beyond it fails with SQLITE_FULL, which ends the transaction. Thread-safe.
 */
public final class SqliteEngine implements SqlEngine {

  /** The page size every database uses (so page counts, and the cap, mean the same everywhere). */
  static final int PAGE_SIZE = 4096;
  /** The largest string or blob a statement may build (SQLITE_LIMIT_LENGTH); well above any parameter. */
  static final int MAX_LENGTH = 16 * 1024 * 1024;
  /** The storage cap is this many times {@code max_db_bytes} plus {@link #CAP_SLACK}: pages hold indexes too. */
  static final int CAP_FACTOR = 4;
  static final long CAP_SLACK = 1024 * 1024;
  /** The progress handler runs every this many virtual-machine instructions. */
  static final int PROGRESS_STEPS = 10_000;

  /**
   * Built-in functions whose result depends on the clock, randomness, the engine's build or the file's layout.
   * ({@code changes()}, {@code total_changes()} and {@code last_insert_rowid()} stay: the driver itself calls them;
   * {@link SqlGuard} refuses them in a derivation's SQL.)
   */
  static final List<String> REPLACED_FUNCTIONS = List.of("random", "randomblob", "date", "time", "datetime",
      "julianday", "unixepoch", "strftime", "timediff", "sqlite_version", "sqlite_source_id", "sqlite_offset",
      "sqlite_compileoption_get", "sqlite_compileoption_used", "load_extension");

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_NOMEM = 7;
  private static final int SQLITE_INTERRUPT = 9;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CONSTRAINT = 19;
  /** sqlite4j's messages: {@code [SQLITE_CODE] generic text (SQLite's own message)}. */
  private static final Pattern MESSAGE = Pattern.compile("(?s)^\\[(\\w+)][^(]*\\((.*)\\)\\s*$");

  private final JDBC driver = new JDBC();
  private volatile String version;

  @Override
  public String name() {
    return "sqlite";
  }

  /** The SQLite library's version and the sqlite4j build it comes in ({@code 3.50.2 (sqlite4j 3.50.4.1)}). */
  @Override
  public String version() {
    String v = version;
    if (v == null) {
      try (Connection c = driver.connect("jdbc:sqlite::memory:", new Properties());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
        rs.next();
        v = rs.getString(1) + " (sqlite4j " + c.getMetaData().getDatabaseProductVersion() + ")";
      } catch (SQLException e) {
        throw new IllegalStateException("sqlite4j does not open an in-memory database", e);
      }
      version = v;
    }
    return v;
  }

  @Override
  public Connection openEmpty() throws SQLException {
    Connection connection = driver.connect("jdbc:sqlite::memory:", new Properties());
    try {
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA page_size = " + PAGE_SIZE);
        s.execute("PRAGMA foreign_keys = ON");
      }
      connection.unwrap(SQLiteConnection.class).setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, MAX_LENGTH);
      for (String function : REPLACED_FUNCTIONS) {
        Function.create(connection, function, new Refused(function));
      }
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public boolean cap(Connection connection, long bytes) throws SQLException {
    long ceiling = Math.multiplyHigh(bytes, CAP_FACTOR) != 0 ? Long.MAX_VALUE : bytes * CAP_FACTOR + CAP_SLACK;
    long pages = Math.min(0xfffffffeL, (ceiling + PAGE_SIZE - 1) / PAGE_SIZE);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA max_page_count = " + pages);
    }
    return true;
  }

  @Override
  public void bound(Connection connection, PreparedStatement statement, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ProgressHandler.setHandler(connection, PROGRESS_STEPS, new ProgressHandler() {
      @Override
      public int progress() {
        return System.nanoTime() - deadline > 0 ? 1 : 0;
      }
    });
  }

  @Override
  public void unbound(Connection connection) throws SQLException {
    ProgressHandler.clearHandler(connection);
  }

  /** sqlite4j's rollback fails when SQLite already ended the transaction; it then begins the next one itself. */
  @Override
  public void rollback(Connection connection) throws SQLException {
    try {
      connection.rollback();
    } catch (SQLException e) {
      try (Statement s = connection.createStatement()) {
        s.execute("BEGIN");
      } catch (SQLException again) {
        e.addSuppressed(again);
        throw e;
      }
    }
  }

  @Override
  public boolean isConstraintViolation(SQLException e) {
    return primary(e) == SQLITE_CONSTRAINT;
  }

  @Override
  public boolean isTimeout(SQLException e) {
    return primary(e) == SQLITE_INTERRUPT;
  }

  @Override
  public boolean isFull(SQLException e) {
    return primary(e) == SQLITE_FULL;
  }

  @Override
  public boolean abortsTransaction(SQLException e) {
    int code = primary(e);
    return code == SQLITE_FULL || code == SQLITE_INTERRUPT || code == SQLITE_NOMEM || code == SQLITE_IOERR
        || code == SQLITE_BUSY;
  }

  /** {@code SQLITE_CONSTRAINT_PRIMARYKEY: UNIQUE constraint failed: units.id} — the code and SQLite's message. */
  @Override
  public String describe(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    Matcher m = MESSAGE.matcher(message);
    return m.matches() ? m.group(1) + ": " + m.group(2).strip() : message;
  }

  @Override
  public java.util.Optional<ColumnKind> kindOf(int jdbcType, String typeName) {
    return SqliteValues.kindOf(typeName);
  }

  @Override
  public Object read(ResultSet rs, int index, ColumnKind kind) throws SQLException {
    return SqliteValues.read(rs, index, kind);
  }

  @Override
  public Object resultValue(ResultSet rs, int index, ColumnKind kind) throws SQLException {
    Object value = rs.getObject(index);
    return value instanceof Integer i ? Long.valueOf(i) : value;
  }

  private static int primary(SQLException e) {
    return e.getErrorCode() & 0xff;
  }

  /** A replacement for a built-in function that fails the statement. */
  private static final class Refused extends Function {
    private final String name;

    Refused(String name) {
      this.name = name;
    }

    @Override
    public void xFunc() throws SQLException {
      error(name + "() is not deterministic and not available to derivations");
    }
  }
}
