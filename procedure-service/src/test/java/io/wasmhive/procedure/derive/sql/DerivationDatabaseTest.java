package io.wasmhive.procedure.derive.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.DatabaseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A derivation's database on each real engine (SQLite through sqlite4j, H2): statements, parameters, errors and
 * their codes, bounds, transactions.
 */
@ParameterizedClass
@FieldSource("io.wasmhive.procedure.derive.sql.TestEngines#NAMES")
class DerivationDatabaseTest {

  @Parameter
  String engineName;

  static final String SCHEMA = """
      CREATE TABLE units (id INTEGER PRIMARY KEY, team VARCHAR(16) NOT NULL, x INTEGER NOT NULL,
        y INTEGER NOT NULL, hp INTEGER NOT NULL CHECK (hp >= 0));
      """;
  static final Duration TIME = Duration.ofSeconds(5);
  static final SqlBounds BOUNDS = new SqlBounds(3, 200, 8, 1000);

  DerivationDatabase db;

  @BeforeEach
  void open() {
    db = DerivationDatabase.create(engine(), SCHEMA, BOUNDS);
  }

  @AfterEach
  void close() {
    db.close();
  }

  SqlEngine engine() {
    return TestEngines.of(engineName);
  }

  boolean h2() {
    return "h2".equals(engineName);
  }

  /** {@code "label":} as the engine labels an unquoted alias. */
  String key(String alias) {
    return "\"" + TestEngines.alias(engineName, alias) + "\":";
  }

  @Test
  void insertsAndQueriesWithJsonParameters() throws Exception {
    db.begin();
    assertThat(db.exec("INSERT INTO units VALUES (?, ?, ?, ?, ?)", json("[1, \"red\", 0, 0, 10]"), TIME)).isEqualTo(1);
    assertThat(db.exec("INSERT INTO units VALUES (?, ?, ?, ?, ?)", json("[2, \"blue\", 3, -4, 7]"), TIME)).isEqualTo(1);
    assertThat(db.exec("UPDATE units SET hp = hp - ? WHERE team = ?", json("[2, \"red\"]"), TIME)).isEqualTo(1);
    db.commit();
    assertThat(text(db.query("SELECT id, team, hp FROM units ORDER BY id", json("[]"), TIME)))
        .isEqualTo("[{\"ID\":1,\"TEAM\":\"red\",\"HP\":8},{\"ID\":2,\"TEAM\":\"blue\",\"HP\":7}]");
    assertThat(text(db.query("SELECT COUNT(*) AS \"n\" FROM units WHERE x = ?", json("[3]"), TIME)))
        .isEqualTo("[{\"n\":1}]");
  }

  @Test
  void valuesComeBackInTheirCanonicalJsonForm() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(h2(), "H2's typed values; SQLite's are in the next test");
    assertThat(text(db.query("SELECT CAST(1.50 AS DECIMAL(10,2)) AS d, TRUE AS b, NULL AS n, X'0102' AS bin, "
        + "DATE '2024-02-29' AS dt, CAST(0.5 AS DOUBLE) AS f", json("[]"), TIME)))
        .isEqualTo("[{\"D\":1.5,\"B\":true,\"N\":null,\"BIN\":\"AQI=\",\"DT\":\"2024-02-29\",\"F\":0.5}]");
    assertThat(text(db.query("SELECT ? AS big, ? AS frac", json("[123456789012345678901234567890, 0.1]"), TIME)))
        .isEqualTo("[{\"BIG\":123456789012345678901234567890,\"FRAC\":0.1}]");
  }

  @Test
  void sqliteValuesComeBackAsStored() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(!h2(), "SQLite's storage classes");
    assertThat(text(db.query("SELECT 1.50 AS d, TRUE AS b, NULL AS n, X'0102' AS bin, '2024-02-29' AS dt, "
        + "0.5 AS f, 9007199254740993 AS big", json("[]"), TIME)))
        .isEqualTo("[{\"d\":1.5,\"b\":1,\"n\":null,\"bin\":\"AQI=\",\"dt\":\"2024-02-29\",\"f\":0.5,"
            + "\"big\":9007199254740993}]");
  }

  @Test
  void errorsCarryTheirCodes() throws Exception {
    db.begin();
    db.exec("INSERT INTO units VALUES (1, 'red', 0, 0, 10)", null, TIME);
    assertCode(() -> db.exec("INSERT INTO units VALUES (1, 'red', 0, 0, 10)", null, TIME), DatabaseException.CONSTRAINT);
    assertCode(() -> db.exec("UPDATE units SET hp = -1", null, TIME), DatabaseException.CONSTRAINT);
    assertCode(() -> db.exec("INSERT INTO units (id) VALUES (2)", null, TIME), DatabaseException.CONSTRAINT);
    assertCode(() -> db.exec("INSERT INTO nowhere VALUES (1)", null, TIME), DatabaseException.SQL_ERROR);
    assertCode(() -> db.exec("INSERT INTO units VALUES (?, 'r', 0, 0, 1)", json("[]"), TIME), DatabaseException.SQL_ERROR);
    assertCode(() -> db.exec("DROP TABLE units", null, TIME), DatabaseException.REFUSED);
    assertCode(() -> db.exec("UPDATE units SET hp = RAND()", null, TIME), DatabaseException.REFUSED);
    assertCode(() -> db.query("DELETE FROM units", null, TIME), DatabaseException.REFUSED);
    assertCode(() -> db.exec("DELETE FROM units WHERE id = ?", json("{\"id\":1}"), TIME), DatabaseException.BAD_PARAMS);
    assertCode(() -> db.exec("DELETE FROM units WHERE id = ?", json("[[1]]"), TIME), DatabaseException.BAD_PARAMS);
    assertCode(() -> db.exec("DELETE FROM units WHERE id = ?", json("[1,"), TIME), DatabaseException.BAD_PARAMS);
    db.rollback();
  }

  @Test
  void sqlErrorMessagesNameNeitherTheStatementNorTheEngineVersion() {
    DatabaseException e = codeOf(() -> db.query("SELECT * FROM nowhere", null, TIME));
    if (h2()) {
      assertThat(e.getMessage()).startsWith("42S02: ").contains("NOWHERE").doesNotContain("SQL statement")
          .doesNotContainPattern("\\[\\d+-\\d+]");
    } else {
      assertThat(e.getMessage()).isEqualTo("SQLITE_ERROR: no such table: nowhere");
    }
  }

  @Test
  void changesOutsideAMessageAreRefused() {
    assertCode(() -> db.exec("DELETE FROM units", null, TIME), DatabaseException.REFUSED);
  }

  @Test
  void rollbackLeavesNoPartialWrite() throws Exception {
    String empty = db.measure().sha256();
    db.begin();
    db.exec("INSERT INTO units VALUES (1, 'red', 0, 0, 10)", null, TIME);
    db.exec("INSERT INTO units VALUES (2, 'red', 0, 0, 10)", null, TIME);
    db.rollback();
    assertThat(db.measure().sha256()).isEqualTo(empty);
    assertThat(text(db.query("SELECT COUNT(*) AS n FROM units", null, TIME))).isEqualTo("[{" + key("n") + "0}]");
  }

  @Test
  void theCommittedMeasureIsReusedOnlyUntilTheNextChange() throws Exception {
    String empty = db.measure().sha256();
    db.begin();
    db.exec("INSERT INTO units VALUES (1, 'red', 0, 0, 10)", null, TIME);
    String inside = db.measure().sha256();
    db.exec("INSERT INTO units VALUES (2, 'red', 0, 0, 10)", null, TIME);
    db.rollback();
    assertThat(inside).isNotEqualTo(empty);
    assertThat(db.measure().sha256()).isEqualTo(empty);
    db.begin();
    db.exec("INSERT INTO units VALUES (1, 'red', 0, 0, 10)", null, TIME);
    assertThat(db.measure().sha256()).isEqualTo(inside);
    db.exec("INSERT INTO units VALUES (2, 'red', 0, 0, 10)", null, TIME);
    db.commit();
    String two = db.measure().sha256();
    assertThat(two).isNotEqualTo(inside).isNotEqualTo(empty);
    try (DerivationDatabase fresh = DerivationDatabase.create(new H2Engine(), SCHEMA, BOUNDS)) {
      fresh.begin();
      fresh.exec("INSERT INTO units VALUES (2, 'red', 0, 0, 10)", null, TIME);
      fresh.exec("INSERT INTO units VALUES (1, 'red', 0, 0, 10)", null, TIME);
      fresh.commit();
      assertThat(fresh.measure().sha256()).isEqualTo(two);
    }
  }

  @Test
  void resultRowsAreBoundedAtTheEdge() throws Exception {
    insert(4);
    assertThat(text(db.query("SELECT id FROM units WHERE id <= 3 ORDER BY id", null, TIME)))
        .isEqualTo("[{\"ID\":1},{\"ID\":2},{\"ID\":3}]");
    assertCode(() -> db.query("SELECT id FROM units ORDER BY id", null, TIME), DatabaseException.LIMIT);
  }

  @Test
  void resultBytesAreBoundedAtTheEdge() throws Exception {
    // [{"S":"…"}] is 10 bytes around the string: 190 characters fill the 200 bytes exactly.
    assertThat(db.query("SELECT " + repeat(190) + " AS s", null, TIME)).hasSize(200);
    assertCode(() -> db.query("SELECT " + repeat(191) + " AS s", null, TIME), DatabaseException.LIMIT);
  }

  /** SQL for a string of {@code n} a's ({@code [{"s":"…"}]} has the same length on both engines). */
  private String repeat(int n) {
    return h2() ? "REPEAT('a', " + n + ")" : "'" + "a".repeat(n) + "'";
  }

  @Test
  void parametersAreBoundedAtTheEdge() throws Exception {
    assertThat(db.query("SELECT ?+?+?+?+?+?+?+? AS s", json("[1,1,1,1,1,1,1,1]"), TIME)).isNotEmpty();
    assertCode(() -> db.query("SELECT ?+?+?+?+?+?+?+?+? AS s", json("[1,1,1,1,1,1,1,1,1]"), TIME),
        DatabaseException.BAD_PARAMS);
  }

  @Test
  void statementsAreBoundedInLengthAtTheEdge() throws Exception {
    String select = "SELECT 1 AS a";
    String exact = select + " ".repeat(1000 - select.length());
    assertThat(db.query(exact, null, TIME)).isNotEmpty();
    assertCode(() -> db.query(exact + " ", null, TIME), DatabaseException.LIMIT);
  }

  @Test
  void duplicateColumnLabelsAreAnError() {
    assertCode(() -> db.query("SELECT 1 AS a, 2 AS a", null, TIME), DatabaseException.SQL_ERROR);
  }

  @Test
  void schemasThatDoNotApplyOrUseUnsupportedTypesAreRefused() {
    // SQLite takes any type name, so an unknown type is refused by the kind check rather than by the engine.
    assertThatThrownBy(() -> DerivationDatabase.create(engine(), "CREATE TABLE t (id NOSUCHTYPE)", BOUNDS))
        .isInstanceOf(SqlRefusedException.class).hasMessageStartingWith(h2() ? "the schema does not apply"
            : "column T.ID has a type derivations do not support");
    assertThatThrownBy(() -> DerivationDatabase.create(engine(), "CREATE TABLE t (id INT, j JSON)", BOUNDS))
        .isInstanceOf(SqlRefusedException.class).hasMessageContaining("T.J has a type derivations do not support");
    assertThatThrownBy(() -> DerivationDatabase.create(engine(), "CREATE INDEX i ON nowhere (x)", BOUNDS))
        .isInstanceOf(SqlRefusedException.class);
  }

  private void insert(int n) throws Exception {
    db.begin();
    for (int i = 1; i <= n; i++) {
      db.exec("INSERT INTO units VALUES (?, 'red', 0, 0, 10)", json("[" + i + "]"), TIME);
    }
    db.commit();
  }

  interface Call {
    void run() throws DatabaseException;
  }

  static void assertCode(Call call, int code) {
    assertThat(codeOf(call).code()).isEqualTo(code);
  }

  static DatabaseException codeOf(Call call) {
    try {
      call.run();
    } catch (DatabaseException e) {
      return e;
    }
    throw new AssertionError("expected a DatabaseException");
  }

  static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
