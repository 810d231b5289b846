package io.wasmhive.procedure.derive.engine;

import static io.wasmhive.procedure.derive.engine.Reducers.op;
import static io.wasmhive.procedure.derive.engine.Reducers.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.EngineChoice;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.procedure.derive.sql.DerivationDatabase;
import io.wasmhive.procedure.derive.sql.SqlBounds;
import io.wasmhive.procedure.derive.sql.TestEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Messages applied by real reducers on a real executor (both WebAssembly engines) to a real database on each SQL
 * engine (SQLite through sqlite4j, H2): applied, rejected with their deterministic reasons, rolled back without
 * partial writes, bounded by every limit, and replayed to the same hash every time.
 */
@ParameterizedClass
@FieldSource("io.wasmhive.procedure.derive.sql.TestEngines#NAMES")
class DerivationEngineTest {

  @Parameter
  String sqlEngine;

  static final String SCHEMA = "CREATE TABLE kv (k INTEGER PRIMARY KEY, v VARCHAR(100) NOT NULL)";
  static final SqlBounds BOUNDS = new SqlBounds(1000, 1 << 16, 64, 64 * 1024);
  static final MessageLimits LIMITS = new MessageLimits(10_000_000, 5_000, 16L << 20, 1 << 20);
  static final Reducer OPS = Reducers.reducer("derive-ops.wasm");
  static final Reducer KV = Reducers.reducer("derive-kv.wasm");

  WasmExecutor executor;
  DerivationEngine engine;
  final List<DerivationDatabase> open = new ArrayList<>();

  void start(EngineChoice choice) {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).engine(choice).build());
    engine = new DerivationEngine(executor);
  }

  @AfterEach
  void stop() {
    open.forEach(DerivationDatabase::close);
    if (executor != null) {
      executor.close();
    }
  }

  DerivationDatabase db() {
    DerivationDatabase db = DerivationDatabase.create(TestEngines.of(sqlEngine), SCHEMA, BOUNDS);
    open.add(db);
    return db;
  }

  @ParameterizedTest
  @EnumSource(value = EngineChoice.class, names = {"WASMTIME", "CHICORY"})
  void appliedAndRejectedMessages(EngineChoice choice) throws Exception {
    start(choice);
    DerivationDatabase db = db();
    String empty = db.measure().sha256();
    Outcome first = engine.apply(KV, LIMITS, db, utf8("[1, \"one\"]"));
    assertThat(first.applied()).isTrue();
    assertThat(first.reason()).isNull();
    assertThat(first.stateHash()).isNotEqualTo(empty);
    Outcome duplicate = engine.apply(KV, LIMITS, db, utf8("[1, \"again\"]"));
    assertThat(duplicate).isEqualTo(new Outcome(false, "reduce returned -3", first.stateHash(), first.size()));
    Outcome badParams = engine.apply(KV, LIMITS, db, utf8("{\"k\": 2}"));
    assertThat(badParams.reason()).isEqualTo("reduce returned -5");
    assertThat(new String(db.query("SELECT v FROM kv ORDER BY k", null, Duration.ofSeconds(1))))
        .isEqualTo("[{\"V\":\"one\"}]");
  }

  @ParameterizedTest
  @EnumSource(value = EngineChoice.class, names = {"WASMTIME", "CHICORY"})
  void aTrapAfterAWriteLeavesNoPartialWrite(EngineChoice choice) throws Exception {
    start(choice);
    DerivationDatabase db = db();
    engine.apply(OPS, LIMITS, db, op('x', "INSERT INTO kv VALUES (1, 'kept')"));
    String before = db.measure().sha256();
    Outcome trapped = engine.apply(OPS, LIMITS, db, op('X', "INSERT INTO kv VALUES (2, 'lost')"));
    assertThat(trapped.applied()).isFalse();
    assertThat(trapped.reason()).isEqualTo("trap: unreachable");
    assertThat(trapped.stateHash()).isEqualTo(before);
    assertThat(new String(db.query("SELECT COUNT(*) AS n FROM kv", null, Duration.ofSeconds(1))))
        .isEqualTo("[{\"" + TestEngines.alias(sqlEngine, "n") + "\":1}]");
  }

  @Test
  void everyKindOfRejectionHasItsReason() throws Exception {
    start(EngineChoice.WASMTIME);
    DerivationDatabase db = db();
    assertThat(engine.apply(OPS, LIMITS, db, op('r', "")).reason()).isEqualTo("reduce returned 5");
    assertThat(engine.apply(OPS, LIMITS, db, op('L', "")).reason()).isEqualTo("out of gas (max_gas)");
    assertThat(engine.apply(OPS, LIMITS, db, op('x', "UPDATE kv SET v = RANDOM_UUID()")).reason())
        .isEqualTo("reduce returned -2");
    assertThat(engine.apply(OPS, LIMITS, db, op('x', "DROP TABLE kv")).reason()).isEqualTo("reduce returned -2");
    assertThat(engine.apply(OPS, LIMITS, db, op('x', "INSERT INTO nowhere VALUES (1)")).reason())
        .isEqualTo("reduce returned -1");
    assertThat(engine.apply(OPS, LIMITS, db, op('q', "SELECT * FROM kv LIMIT 1")).reason())
        .isEqualTo("reduce returned -2");
    assertThat(engine.apply(OPS, LIMITS, db, op('q', "SELECT * FROM kv ORDER BY k")).applied()).isTrue();
    assertThat(engine.apply(OPS, LIMITS, db, op('?', "")).reason()).isEqualTo("reduce returned 1");
  }

  @Test
  void queryRowsReachTheReducer() throws Exception {
    start(EngineChoice.WASMTIME);
    DerivationDatabase db = db();
    engine.apply(OPS, LIMITS, db, op('x', "INSERT INTO kv VALUES (1, 'abc')"));
    // [{"V":"abc"}] is 13 bytes: Q stores that length as a key.
    assertThat(engine.apply(OPS, LIMITS, db, op('Q', "SELECT v FROM kv WHERE k = 1")).applied()).isTrue();
    assertThat(new String(db.query("SELECT k, v FROM kv WHERE k <> 1", null, Duration.ofSeconds(1))))
        .isEqualTo("[{\"K\":13,\"V\":\"rows\"}]");
  }

  @Test
  void memoryIsBoundedByMaxMemory() throws Exception {
    start(EngineChoice.WASMTIME);
    DerivationDatabase db = db();
    MessageLimits small = new MessageLimits(LIMITS.maxGas(), LIMITS.maxTimeMs(), 4 * 65_536, LIMITS.maxDbBytes());
    assertThat(engine.apply(OPS, small, db, op('M', "")).reason()).isEqualTo("memory limit (max_memory)");
    MessageLimits enough = new MessageLimits(LIMITS.maxGas(), LIMITS.maxTimeMs(), 260 * 65_536, LIMITS.maxDbBytes());
    assertThat(engine.apply(OPS, enough, db, op('M', "")).applied()).isTrue();
  }

  @Test
  void gasIsBoundedAtItsEdge() throws Exception {
    start(EngineChoice.WASMTIME);
    DerivationDatabase db = db();
    long gas = 1;
    // The cheapest message ('r') needs some gas; find the least that applies it and check one less is refused.
    while (engine.apply(OPS, new MessageLimits(gas, 5_000, 16L << 20, 1 << 20), db, op('?', "")).reason()
        .startsWith("out of gas")) {
      gas *= 2;
    }
    long low = gas / 2;
    long high = gas;
    while (high - low > 1) {
      long mid = (low + high) / 2;
      String reason = engine.apply(OPS, new MessageLimits(mid, 5_000, 16L << 20, 1 << 20), db, op('?', "")).reason();
      if (reason.startsWith("out of gas")) {
        low = mid;
      } else {
        high = mid;
      }
    }
    assertThat(engine.apply(OPS, new MessageLimits(high, 5_000, 16L << 20, 1 << 20), db, op('?', "")).reason())
        .isEqualTo("reduce returned 1");
    assertThat(engine.apply(OPS, new MessageLimits(high - 1, 5_000, 16L << 20, 1 << 20), db, op('?', "")).reason())
        .isEqualTo("out of gas (max_gas)");
  }

  @Test
  void theDatabaseSizeIsBoundedAtItsEdge() throws Exception {
    start(EngineChoice.WASMTIME);
    DerivationDatabase probe = db();
    long size = engine.apply(KV, LIMITS, probe, utf8("[1, \"x\"]")).size();
    MessageLimits exact = new MessageLimits(LIMITS.maxGas(), LIMITS.maxTimeMs(), LIMITS.maxMemory(), size);
    MessageLimits under = new MessageLimits(LIMITS.maxGas(), LIMITS.maxTimeMs(), LIMITS.maxMemory(), size - 1);
    DerivationDatabase db = db();
    String empty = db.measure().sha256();
    Outcome over = engine.apply(KV, under, db, utf8("[1, \"x\"]"));
    assertThat(over.reason()).isEqualTo("database size " + size + " bytes exceeds max_db_bytes " + (size - 1));
    assertThat(over.stateHash()).isEqualTo(empty);
    assertThat(engine.apply(KV, exact, db, utf8("[1, \"x\"]")).applied()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = EngineChoice.class, names = {"WASMTIME", "CHICORY"})
  void replayingTheSameLogAHundredTimesGivesTheSameHash(EngineChoice choice) throws Exception {
    start(choice);
    List<byte[]> log = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      log.add(utf8("[" + (i % 7) + ", \"v" + i + "\"]"));
    }
    log.add(op('X', "DELETE FROM kv"));
    log.add(op('x', "UPDATE kv SET v = v || '!' WHERE k > 2"));
    List<Outcome> reference = null;
    for (int run = 0; run < 100; run++) {
      List<Outcome> outcomes = new ArrayList<>();
      try (DerivationDatabase db = DerivationDatabase.create(TestEngines.of(sqlEngine), SCHEMA, BOUNDS)) {
        for (byte[] message : log) {
          outcomes.add(engine.apply(message[0] == '"' ? OPS : KV, LIMITS, db, message));
        }
      }
      if (reference == null) {
        reference = outcomes;
        assertThat(outcomes.stream().filter(Outcome::applied).count()).isEqualTo(8);
      }
      assertThat(outcomes).as("run " + run).isEqualTo(reference);
    }
  }

  @ParameterizedTest
  @EnumSource(value = EngineChoice.class, names = {"WASMTIME", "CHICORY"})
  void sqliteStorageCapRejectsTheMessageAndNothingOfItRemains(EngineChoice choice) throws Exception {
    Assumptions.assumeTrue("sqlite".equals(sqlEngine), "only SQLite caps its storage");
    start(choice);
    DerivationDatabase db = db();
    // max_db_bytes 64 KiB: SQLite's pages are capped at 4 x 64 KiB + 1 MiB, so ~1.25 MiB in one statement fails
    // while it runs (SQLITE_FULL), before the canonical dump could be measured.
    MessageLimits small = new MessageLimits(LIMITS.maxGas(), LIMITS.maxTimeMs(), LIMITS.maxMemory(), 64 * 1024);
    assertThat(engine.apply(KV, small, db, utf8("[1, \"kept\"]")).applied()).isTrue();
    String before = db.measure().sha256();
    String fill = "INSERT INTO kv (k, v) WITH RECURSIVE r(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM r WHERE n < %d)"
        + " SELECT n, printf('%%100d', n) FROM r";
    // Past the cap: rejected by the cap itself, rolled back.
    Outcome full = engine.apply(OPS, small, db, op('x', String.format(fill, 20_000)));
    assertThat(full).isEqualTo(new Outcome(false, "database storage limit (max_db_bytes)", before,
        db.measure().size()));
    // Within the cap but beyond max_db_bytes: rejected by the deterministic check on the canonical dump.
    Outcome over = engine.apply(OPS, small, db, op('x', String.format(fill, 2_000)));
    assertThat(over.reason()).startsWith("database size ").endsWith(" bytes exceeds max_db_bytes 65536");
    assertThat(over.stateHash()).isEqualTo(before);
    assertThat(new String(db.query("SELECT COUNT(*) AS n FROM kv", null, Duration.ofSeconds(1))))
        .isEqualTo("[{\"n\":1}]");
    assertThat(engine.apply(KV, small, db, utf8("[2, \"next\"]")).applied()).isTrue();
  }

  @Test
  void aRunawayStatementRejectsItsMessageByTime() throws Exception {
    start(EngineChoice.WASMTIME);
    DerivationDatabase db = db();
    MessageLimits second = new MessageLimits(LIMITS.maxGas(), 1_000, LIMITS.maxMemory(), LIMITS.maxDbBytes());
    String endless = "INSERT INTO kv (k, v) WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
        + " SELECT n, 'x' FROM r WHERE n < 0";
    Outcome outcome = engine.apply(OPS, second, db, op('x', endless));
    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.reason()).isIn("time limit (max_time)", "reduce returned -4");
    assertThat(outcome.stateHash()).isEqualTo(db.measure().sha256());
  }

  @Test
  void sqliteValueOfAnotherFamilyRejectsTheMessage() throws Exception {
    Assumptions.assumeTrue("sqlite".equals(sqlEngine), "only SQLite stores a value its column cannot convert");
    start(EngineChoice.WASMTIME);
    DerivationDatabase db = db();
    String empty = db.measure().sha256();
    assertThat(engine.apply(OPS, LIMITS, db, op('x', "INSERT INTO kv VALUES (1, X'41')")))
        .isEqualTo(new Outcome(false, "column KV.V holds a blob, not text", empty, db.measure().size()));
  }
}
