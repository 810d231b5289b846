package io.wasmhive.procedure.derive.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the guard lets a reducer run, and what it refuses, on tokens. */
class SqlGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM units",
      "select id, hp from units where team = ? order by id",
      "WITH alive AS (SELECT * FROM units WHERE hp > 0) SELECT team, COUNT(*) AS n FROM alive GROUP BY team",
      "SELECT * FROM units ORDER BY id LIMIT 3",
      "SELECT * FROM units ORDER BY id LIMIT 3 OFFSET 2",
      "SELECT * FROM units ORDER BY id FETCH FIRST 2 ROWS ONLY",
      "SELECT name FROM units WHERE name = 'now() random() ; DELETE FROM units'",
      "SELECT \"NOW\" FROM clocks;",
      "SELECT id FROM (SELECT id FROM units ORDER BY id LIMIT 2) AS t",
      "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 3",
      "SELECT STRING_AGG(name, ',' ORDER BY name) AS names FROM units",
      "SELECT LISTAGG(name, ',') WITHIN GROUP (ORDER BY name) AS names FROM units",
      "SELECT ROW_NUMBER() OVER (ORDER BY id) AS r FROM units",
      "SELECT SUM(hp) OVER (PARTITION BY team) AS s FROM units",
      "-- a comment: now()\nSELECT 1 AS one /* random() */",
      "(SELECT 1 AS one)",
      "SELECT CAST(t AS TIME(3)) AS t FROM clocks",
      "SELECT replace(name, 'a', 'b') AS n FROM units",
      "SELECT CASE WHEN hp > 0 THEN 'alive' ELSE 'dead' END AS s FROM units",
      "SELECT \"day\" FROM dates WHERE \"day\" > '2024-01-01'"})
  void deterministicQueriesPass(String sql) {
    assertThatCode(() -> SqlGuard.checkQuery(sql)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT now() AS t",
      "SELECT CURRENT_TIMESTAMP AS t",
      "SELECT current_date AS d",
      "SELECT CURRENT_TIME AS t",
      "SELECT LOCALTIME AS t",
      "SELECT LOCALTIMESTAMP AS t",
      "SELECT SYSDATE AS t",
      "SELECT random() AS r",
      "SELECT RAND() AS r",
      "SELECT RANDOM_UUID() AS u",
      "SELECT UUID() AS u",
      "SELECT NEXT VALUE FOR s AS n",
      "SELECT NEXTVAL('s') AS n",
      "SELECT ROWNUM AS r FROM units",
      "SELECT _ROWID_ FROM units",
      "SELECT * FROM INFORMATION_SCHEMA.TABLES",
      "SELECT USER AS u",
      "SELECT FILE_READ('/etc/passwd') AS f",
      "SELECT * FROM CSVREAD('/tmp/x.csv')",
      "SELECT * FROM units LIMIT 3",
      "SELECT * FROM units OFFSET 2",
      "SELECT * FROM units FETCH FIRST 2 ROWS ONLY",
      "SELECT TOP 3 * FROM units ORDER BY id",
      "SELECT id FROM (SELECT id FROM units LIMIT 2) AS t ORDER BY id",
      "SELECT STRING_AGG(name, ',') AS names FROM units",
      "SELECT ARRAY_AGG(id) AS ids FROM units",
      "SELECT ROW_NUMBER() OVER () AS r FROM units",
      "SELECT ANY_VALUE(name) AS n FROM units",
      "SELECT SLEEP(1)",
      "SELECT * FROM units TABLESAMPLE SYSTEM (10)"})
  void nondeterministicQueriesAreRefused(String sql) {
    assertThatThrownBy(() -> SqlGuard.checkQuery(sql)).isInstanceOf(SqlRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO units VALUES (1, 'red', 0, 0, 10)",
      "UPDATE units SET hp = 0",
      "DELETE FROM units",
      "CREATE TABLE x (id INT PRIMARY KEY)",
      "DROP TABLE units",
      "SELECT * FROM units FOR UPDATE",
      "SELECT * FROM FINAL TABLE (INSERT INTO units VALUES (1, 'r', 0, 0, 1))",
      "SET TIME ZONE 'Europe/Paris'",
      "CALL 1",
      "SCRIPT",
      "SELECT 1; SELECT 2",
      "VALUES (1)",
      "",
      "   "})
  void queriesThatDoNotOnlyReadAreRefused(String sql) {
    assertThatThrownBy(() -> SqlGuard.checkQuery(sql)).isInstanceOf(SqlRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO units (id, team, x, y, hp) VALUES (?, ?, ?, ?, ?)",
      "UPDATE units SET x = ?, y = ? WHERE id = ?",
      "DELETE FROM units WHERE hp = 0",
      "INSERT INTO log SELECT id, hp FROM units WHERE hp > 0",
      "UPDATE units SET note = 'DROP TABLE units; now()' WHERE id = 1;"})
  void deterministicChangesPass(String sql) {
    assertThatCode(() -> SqlGuard.checkExec(sql)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM units",
      "CREATE TABLE x (id INT PRIMARY KEY)",
      "DROP TABLE units",
      "ALTER TABLE units ADD COLUMN z INT",
      "TRUNCATE TABLE units",
      "MERGE INTO units KEY (id) VALUES (1, 'r', 0, 0, 1)",
      "INSERT INTO units VALUES (1, 'r', 0, 0, 1); DELETE FROM units",
      "INSERT INTO t (at) VALUES (CURRENT_TIMESTAMP)",
      "UPDATE units SET hp = RAND() * 10",
      "INSERT INTO t VALUES (RANDOM_UUID())",
      "DELETE FROM units LIMIT 1",
      "UPDATE units SET hp = 0 WHERE id IN (SELECT id FROM units LIMIT 1)",
      "INSERT INTO t VALUES (NEXT VALUE FOR seq)",
      "RUNSCRIPT FROM 'x.sql'",
      "COMMIT",
      "ROLLBACK",
      "DELETE FROM units WHERE id IN (SELECT id FROM FINAL TABLE (UPDATE units SET hp = 1))"})
  void otherChangesAreRefused(String sql) {
    assertThatThrownBy(() -> SqlGuard.checkExec(sql)).isInstanceOf(SqlRefusedException.class);
  }

  @Test
  void aSchemaHoldsTablesAndIndexesOnly() {
    assertThat(SqlGuard.checkSchema("""
        CREATE TABLE units (id INTEGER PRIMARY KEY, team TEXT NOT NULL, hp INTEGER NOT NULL CHECK (hp >= 0));
        -- comments go
        CREATE INDEX units_team ON units (team);
        CREATE UNIQUE INDEX units_pos ON units (team, hp);
        """, 64)).hasSize(3).allSatisfy(s -> assertThat(s).startsWith("CREATE"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE TABLE t (id INTEGER AUTO_INCREMENT PRIMARY KEY)",
      "CREATE TABLE t (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY)",
      "CREATE TABLE t (id IDENTITY PRIMARY KEY)",
      "CREATE TABLE t (id SERIAL PRIMARY KEY)",
      "CREATE TABLE t (id INT PRIMARY KEY, at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)",
      "CREATE SEQUENCE s",
      "CREATE ALIAS f FOR 'java.lang.System.exit'",
      "CREATE TRIGGER t BEFORE INSERT ON u FOR EACH ROW CALL 'x.Y'",
      "CREATE LINKED TABLE t ('org.h2.Driver', 'jdbc:h2:mem:', '', '', 'T')",
      "CREATE TABLE t (id INT PRIMARY KEY) ENGINE \"x.Y\"",
      "CREATE LOCAL TEMPORARY TABLE t (id INT PRIMARY KEY)",
      "CREATE TABLE t AS SELECT * FROM INFORMATION_SCHEMA.TABLES",
      "CREATE VIEW v AS SELECT 1",
      "INSERT INTO t VALUES (1)",
      "DROP TABLE t",
      "-- nothing"})
  void schemasWithAnythingElseAreRefused(String ddl) {
    assertThatThrownBy(() -> SqlGuard.checkSchema(ddl, 64)).isInstanceOf(SqlRefusedException.class);
  }

  @Test
  void aSchemaIsBoundedInStatementsAtItsEdge() {
    String two = "CREATE TABLE a (id INT PRIMARY KEY); CREATE TABLE b (id INT PRIMARY KEY);";
    assertThat(SqlGuard.checkSchema(two, 2)).hasSize(2);
    assertThatThrownBy(() -> SqlGuard.checkSchema(two, 1)).hasMessageContaining("at most 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 'open", "SELECT \"open", "SELECT 1 /* open", "SELECT $$x$$", "SELECT 1 # 2",
      "SELECT `x` FROM t"})
  void textTheTokenizerCannotReadIsRefused(String sql) {
    assertThatThrownBy(() -> SqlGuard.checkQuery(sql)).isInstanceOf(SqlRefusedException.class);
  }

  @Test
  void refusalsSayWhy() {
    assertThatThrownBy(() -> SqlGuard.checkQuery("SELECT now() AS t")).hasMessage(
        "NOW is not deterministic: a replay could get another result");
    assertThatThrownBy(() -> SqlGuard.checkQuery("SELECT * FROM t LIMIT 1")).hasMessage(
        "LIMIT without ORDER BY is not deterministic: order the rows first");
    assertThatThrownBy(() -> SqlGuard.checkExec("SELECT 1")).hasMessage(
        "only INSERT, UPDATE or DELETE is allowed here (the schema holds the DDL)");
    assertThatThrownBy(() -> SqlGuard.checkQuery("SELECT 1; SELECT 2")).hasMessage(
        "exactly one statement is allowed, found 2");
  }

  /** What SQLite adds to refuse: clock, random and history functions, internals, statements beyond one database. */
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT randomblob(8) AS r",
      "SELECT date('now') AS d",
      "SELECT time('now') AS t",
      "SELECT DATE ('2024-01-01', '+1 day') AS d",
      "SELECT datetime('now') AS t",
      "SELECT julianday('now') AS j",
      "SELECT unixepoch() AS u",
      "SELECT strftime('%s', 'now') AS s",
      "SELECT timediff('now', '2024-01-01') AS d",
      "SELECT changes() AS c",
      "SELECT total_changes() AS c",
      "SELECT last_insert_rowid() AS r",
      "SELECT load_extension('/tmp/evil.so') AS x",
      "SELECT fts3_tokenizer('simple') AS x",
      "SELECT sqlite_version() AS v",
      "SELECT sqlite_offset(id) AS o FROM units",
      "SELECT sql FROM sqlite_master",
      "SELECT sql FROM sqlite_schema",
      "SELECT * FROM \"sqlite_master\"",
      "SELECT * FROM [sqlite_master]",
      "SELECT * FROM pragma_page_count()",
      "SELECT rowid FROM units ORDER BY 1",
      "SELECT oid FROM units ORDER BY 1",
      "SELECT \"rowid\" FROM units ORDER BY 1",
      "SELECT 1 AS x; ATTACH DATABASE '/tmp/x.db' AS x"})
  void sqliteNondeterminismIsRefused(String sql) {
    assertThatThrownBy(() -> SqlGuard.checkQuery(sql)).isInstanceOf(SqlRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ATTACH DATABASE '/tmp/x.db' AS x",
      "DETACH DATABASE x",
      "PRAGMA max_page_count = 1000000",
      "VACUUM INTO '/tmp/copy.db'",
      "VACUUM",
      "REINDEX units",
      "BEGIN",
      "RELEASE s",
      "REPLACE INTO units VALUES (1)",
      "INSERT INTO units SELECT * FROM pragma_table_info('units')",
      "INSERT INTO log VALUES (datetime('now'))",
      "UPDATE units SET seed = random()",
      "DELETE FROM units WHERE rowid = 1",
      "INSERT INTO units VALUES (1); PRAGMA foreign_keys = OFF"})
  void sqliteStatementsBeyondOneDatabaseAreRefused(String sql) {
    assertThatThrownBy(() -> SqlGuard.checkExec(sql)).isInstanceOf(SqlRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT DEFAULT (datetime('now')))",
      "CREATE TABLE t (id INTEGER PRIMARY KEY, d DATE DEFAULT (date('now')))",
      "CREATE TABLE t (id INTEGER PRIMARY KEY, r INTEGER DEFAULT (random()))",
      "CREATE TABLE t (id INTEGER PRIMARY KEY); PRAGMA foreign_keys = OFF",
      "CREATE TABLE t (id INTEGER PRIMARY KEY); ATTACH DATABASE ':memory:' AS x"})
  void sqliteSchemaNondeterminismIsRefused(String ddl) {
    assertThatThrownBy(() -> SqlGuard.checkSchema(ddl, 64)).isInstanceOf(SqlRefusedException.class);
  }

  @Test
  void typesWithAPrecisionAreNotCalls() {
    assertThatCode(() -> SqlGuard.checkSchema("CREATE TABLE t (id INTEGER PRIMARY KEY, at TIME(3), d DATE)", 64))
        .doesNotThrowAnyException();
  }
}
