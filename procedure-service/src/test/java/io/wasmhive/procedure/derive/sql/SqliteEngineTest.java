package io.wasmhive.procedure.derive.sql;

import static io.wasmhive.procedure.derive.sql.DerivationDatabaseTest.assertCode;
import static io.wasmhive.procedure.derive.sql.DerivationDatabaseTest.codeOf;
import static io.wasmhive.procedure.derive.sql.DerivationDatabaseTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.DatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What only the SQLite engine does: its storage cap at its edge (the transaction it ends, the message's later
 * statements refused, nothing of it left), the progress handler that stops a runaway statement, the functions it
 * replaces on every connection, values stored in a column of another family, and why the cap is not the
 * deterministic size check (page counts depend on history).
 */
class SqliteEngineTest {

  static final SqliteEngine SQLITE = (SqliteEngine) TestEngines.of("sqlite");
  static final String SCHEMA = "CREATE TABLE kv (k INTEGER PRIMARY KEY, v VARCHAR(100) NOT NULL)";
  static final SqlBounds BOUNDS = new SqlBounds(100, 1 << 16, 16, 64 * 1024);
  static final Duration TIME = Duration.ofSeconds(10);
  /** Inserts {@code ?} rows of 1000 characters in one statement. */
  static final String FILL = "INSERT INTO kv (k, v) WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r "
      + "WHERE n < ?) SELECT n + (SELECT COUNT(*) FROM kv) * 1000000, printf('%1000d', n) FROM r";

  @Test
  void theCapIsPagesOfMaxDbBytesTimesFourPlusSlack() throws Exception {
    try (Connection c = SQLITE.openEmpty()) {
      assertThat(SQLITE.cap(c, 1 << 20)).isTrue();
      assertThat(pragma(c, "max_page_count")).isEqualTo((4L * (1 << 20) + (1 << 20)) / 4096);
      assertThat(pragma(c, "page_size")).isEqualTo(4096);
      assertThat(pragma(c, "foreign_keys")).isEqualTo(1);
    }
  }

  @Test
  void theCapStopsAStatementAtItsEdgeAndNothingOfTheMessageRemains() throws Exception {
    try (DerivationDatabase db = DerivationDatabase.create(SQLITE, SCHEMA, BOUNDS)) {
      assertThat(db.cap(1)).isTrue(); // 1 MiB + 4 bytes of pages: 257 pages
      db.begin();
      db.exec("INSERT INTO kv VALUES (0, 'kept')", null, TIME);
      db.commit();
      String before = db.measure().sha256();
      // Just under the edge: ~800 KB of rows fit in the 257 pages.
      db.begin();
      assertThat(db.exec(FILL, json("[800]"), TIME)).isEqualTo(800);
      db.rollback();
      // Just past it: one statement that needs more pages fails, and SQLite has ended the whole transaction.
      db.begin();
      db.exec("INSERT INTO kv VALUES (1, 'earlier in the message')", null, TIME);
      DatabaseException full = codeOf(() -> db.exec(FILL, json("[1100]"), TIME));
      assertThat(full.code()).isEqualTo(DatabaseException.LIMIT);
      assertThat(full.getMessage()).startsWith("SQLITE_FULL: ");
      assertThat(db.aborted()).isEqualTo(DerivationDatabase.FULL);
      assertCode(() -> db.exec("INSERT INTO kv VALUES (2, 'after')", null, TIME), DatabaseException.LIMIT);
      assertCode(() -> db.query("SELECT COUNT(*) AS n FROM kv", null, TIME), DatabaseException.LIMIT);
      db.rollback();
      assertThat(db.aborted()).isNull();
      assertThat(db.measure().sha256()).isEqualTo(before);
      assertThat(new String(db.query("SELECT k, v FROM kv ORDER BY k", null, TIME)))
          .isEqualTo("[{\"K\":0,\"V\":\"kept\"}]");
      // The next message runs in a fresh transaction.
      db.begin();
      db.exec("INSERT INTO kv VALUES (3, 'next')", null, TIME);
      db.commit();
      assertThat(new String(db.query("SELECT COUNT(*) AS n FROM kv", null, TIME))).isEqualTo("[{\"n\":2}]");
    }
  }

  @Test
  void aRunawayStatementIsInterruptedAtItsDeadline() throws Exception {
    try (DerivationDatabase db = DerivationDatabase.create(SQLITE, SCHEMA, BOUNDS)) {
      String endless = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT COUNT(*) AS c FROM r";
      long start = System.nanoTime();
      DatabaseException e = codeOf(() -> db.query(endless, null, Duration.ofMillis(300)));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(e.code()).isEqualTo(DatabaseException.LIMIT);
      assertThat(e.getMessage()).startsWith("SQLITE_INTERRUPT");
      assertThat(millis).isBetween(250L, 5_000L);
      // Inside a message the interrupt ends the transaction: the message is rejected by time.
      db.begin();
      codeOf(() -> db.exec("INSERT INTO kv (k, v) WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
          + "SELECT n, 'x' FROM r WHERE n < 0", null, Duration.ofMillis(200)));
      assertThat(db.aborted()).isEqualTo(DerivationDatabase.TIMEOUT);
      db.rollback();
      // The bound ends with its statement: a later statement (and the dump) is not interrupted.
      Thread.sleep(50);
      assertThat(new String(db.query("SELECT COUNT(*) AS n FROM kv", null, Duration.ofMillis(1))))
          .isEqualTo("[{\"n\":0}]");
      assertThat(db.measure().size()).isPositive();
    }
  }

  @Test
  void nondeterministicFunctionsAreReplacedOnTheConnection() throws Exception {
    try (Connection c = SQLITE.openEmpty(); Statement s = c.createStatement()) {
      for (String call : new String[] {"random()", "randomblob(4)", "date('now')", "datetime('now')",
          "strftime('%s', 'now')", "julianday('now')", "unixepoch()", "sqlite_version()"}) {
        assertThatThrownBy(() -> s.executeQuery("SELECT " + call).close()).as(call)
            .isInstanceOf(SQLException.class).hasMessageContaining("is not deterministic");
      }
    }
    try (DerivationDatabase db = DerivationDatabase.create(SQLITE, SCHEMA, BOUNDS)) {
      // A quoted function name passes the guard (quoted identifiers are data to it); the connection refuses it.
      DatabaseException e = codeOf(() -> db.query("SELECT \"random\"() AS r", null, TIME));
      assertThat(e.code()).isEqualTo(DatabaseException.SQL_ERROR);
      assertThat(e.getMessage()).contains("random() is not deterministic");
    }
  }

  @Test
  void aValueOfAnotherFamilyFailsTheDump() throws Exception {
    try (DerivationDatabase db = DerivationDatabase.create(SQLITE, SCHEMA, BOUNDS)) {
      db.begin();
      db.exec("INSERT INTO kv VALUES (1, X'41')", null, TIME);
      assertThatThrownBy(db::measure).isInstanceOf(ValueTypeException.class)
          .hasMessage("column KV.V holds a blob, not text");
      db.rollback();
      db.begin();
      db.exec("INSERT INTO kv VALUES (1, 42)", null, TIME); // TEXT affinity: stored as the text '42'
      db.commit();
      assertThat(new String(db.query("SELECT v FROM kv", null, TIME))).isEqualTo("[{\"V\":\"42\"}]");
    }
  }

  @Test
  void pageCountsDependOnHistorySoTheCapIsNotTheDeterministicCheck() throws Exception {
    StateDump.Result shuffled;
    long shuffledPages;
    try (DerivationDatabase db = DerivationDatabase.create(SQLITE, SCHEMA, BOUNDS)) {
      for (int i = 0; i < 3000; i++) {
        int k = (int) ((i * 7919L) % 3000);
        db.begin();
        db.exec("INSERT INTO kv VALUES (?, ?)", json("[" + k + ", \"value " + k + "\"]"), TIME);
        db.commit();
      }
      shuffled = db.dump();
      shuffledPages = pages(db);
    }
    try (DerivationDatabase restored = DerivationDatabase.restore(SQLITE, SCHEMA, BOUNDS, shuffled.bytes())) {
      assertThat(restored.measure().sha256()).isEqualTo(shuffled.sha256());
      assertThat(pages(restored)).isLessThan(shuffledPages);
    }
  }

  private static long pages(DerivationDatabase db) throws Exception {
    return pragma(db.connectionForTests(), "page_count");
  }

  private static long pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
