package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The {@code db} imports and the message entry on each engine, with {@code wat-db.wasm} as the reducer and a
 * {@link RecordingDatabase} as the database: SQL, parameters and rows reach the other side unchanged, every
 * error code reaches the guest, {@code db.error} hands out the last message, and a task without a database
 * answers {@code NO_DATABASE}.
 */
@OnBothEngines
class DbImportTest {

  static final String GUEST = "wat-db.wasm";
  static final Policy POLICY = new Policy(0, 0, 5_000, 0);

  private static WasmExecutor executor;
  private final RecordingDatabase db = new RecordingDatabase();

  @Parameter
  EngineChoice engine;

  @BeforeParameterizedClassInvocation
  static void start(EngineChoice engine) {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).engine(engine).build());
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    executor.close();
  }

  static ExecutionResult message(WasmExecutor executor, DatabaseHandler db, String export, byte[] message,
      Policy policy) {
    return executor.execute(task(GUEST).entry(Entry.message(export, message)).database(db).policy(policy).build());
  }

  private int reduce(String export, String message) {
    return message(executor, db, export, utf8(message), POLICY).orThrow().value().asInt();
  }

  @Test
  void execReceivesTheSqlAndParamsAndItsRowCountIsTheReducersResult() {
    db.changed.put("INSERT INTO t VALUES (?, ?)", 3L);
    assertThat(reduce("reduce", "INSERT INTO t VALUES (?, ?)")).isEqualTo(3);
    assertThat(db.calls).singleElement().satisfies(call -> {
      assertThat(call.kind()).isEqualTo("exec");
      assertThat(call.sql()).isEqualTo("INSERT INTO t VALUES (?, ?)");
      assertThat(call.paramsText()).isEqualTo("[1,\"a\"]");
      assertThat(call.timeout()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(5_000));
    });
  }

  @Test
  void aHandlerOutlivingTheDeadlineEndsTheExecutionAsATimeout() {
    DatabaseHandler slow = new RecordingDatabase() {
      @Override
      public long exec(String sql, byte[] paramsJson, Duration timeout) throws DatabaseException {
        assertThat(timeout).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200));
        try {
          Thread.sleep(timeout.toMillis() + 100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return super.exec(sql, paramsJson, timeout);
      }
    };
    ExecutionResult r = message(executor, slow, "error_msg", utf8("UPDATE t SET x = 1"), new Policy(0, 0, 200, 0));
    assertThat(r.error()).isInstanceOf(ExecutionTimeoutException.class);
    assertThat(((RecordingDatabase) slow).sqls()).as("no call after the deadline").containsExactly("UPDATE t SET x = 1");
  }

  @Test
  void theMessageEntryReturnsTheExportsI32() {
    ExecutionResult r = message(executor, db, "reduce", utf8("DELETE FROM t"), POLICY);
    assertThat(r.orThrow().values()).containsExactly(WasmValue.i32(1));
    assertThat(r.gasUsed()).isPositive();
  }

  @Test
  void queryDeliversTheRowsThroughTheGuestsAlloc() {
    assertThat(reduce("query_msg", "SELECT x FROM t ORDER BY x")).isEqualTo(9);
    // The guest passes what it received to exec as SQL: the rows, byte for byte.
    assertThat(db.calls).extracting(RecordingDatabase.Call::kind).containsExactly("query", "exec");
    assertThat(db.sqls()).containsExactly("SELECT x FROM t ORDER BY x", "[{\"1\":1}]");
    assertThat(db.calls.get(0).params()).isEmpty();
  }

  @Test
  void everyDatabaseExceptionCodeReachesTheGuestFromExecAndQuery() {
    for (int code = -1; code >= -7; code--) {
      assertThat(reduce("reduce", "FAIL " + code + " no")).as("exec %d", code).isEqualTo(code);
      assertThat(reduce("query_msg", "FAIL " + code + " no")).as("query %d", code).isEqualTo(code);
    }
  }

  @Test
  void errorCopiesAtMostTheBufferAndReturnsTheWholeLength() {
    String message = "UNIQUE constraint failed: units.id";
    assertThat(reduce("error_msg", "FAIL -3 " + message)).isEqualTo(message.length());
    assertThat(db.sqls()).containsExactly("FAIL -3 " + message, "UNIQUE c");
  }

  @Test
  void errorWithoutAFailureIsZero() {
    assertThat(executor.execute(task(GUEST).entry(Entry.typed("error_none")).database(db).build())
        .orThrow().value().asInt()).isZero();
  }

  @Test
  void aHandlerDefectIsFailedAndTellsTheGuestNothingOfIt() {
    assertThat(reduce("reduce", "BOOM")).isEqualTo(DatabaseException.FAILED);
    assertThat(reduce("query_msg", "BOOM")).isEqualTo(DatabaseException.FAILED);
    assertThat(reduce("error_msg", "BOOM")).isEqualTo("the database failed".length());
    assertThat(db.sqls()).last().isEqualTo("the data");
  }

  @Test
  void aNegativeRowCountOrNoRowsDocumentIsFailed() {
    assertThat(reduce("reduce", "NEGATIVE")).isEqualTo(DatabaseException.FAILED);
    assertThat(reduce("query_msg", "NULL")).isEqualTo(DatabaseException.FAILED);
    assertThat(db.calls).hasSize(2);
  }

  @Test
  void aTaskWithoutADatabaseAnswersNoDatabase() {
    assertThat(message(executor, null, "reduce", utf8("SELECT 1"), POLICY).orThrow().value().asInt())
        .isEqualTo(DatabaseException.NO_DATABASE);
    assertThat(message(executor, null, "query_msg", utf8("SELECT 1"), POLICY).orThrow().value().asInt())
        .isEqualTo(DatabaseException.NO_DATABASE);
    assertThat(message(executor, null, "error_msg", utf8("SELECT 1"), POLICY).orThrow().value().asInt())
        .isEqualTo("this execution has no database".length());
  }

  @Test
  void deterministicModeAllowsTheDbImports() {
    ExecutionResult r = executor.execute(task(GUEST).entry(Entry.message("query_msg", utf8("SELECT 1")))
        .deterministic(true).database(db).build());
    assertThat(r.orThrow().value().asInt()).isEqualTo(9);
    assertThat(db.sqls()).containsExactly("SELECT 1", "[{\"1\":1}]");
  }

  @Test
  void invalidUtf8SqlIsBadParamsWithoutCallingTheDatabase() {
    for (byte[] sql : new byte[][] {{(byte) 0xC3, 0x28}, {'a', (byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
      assertThat(message(executor, db, "reduce", sql, POLICY).orThrow().value().asInt())
          .isEqualTo(DatabaseException.BAD_PARAMS);
    }
    assertThat(db.calls).isEmpty();
    assertThat(reduce("reduce", "SELECT 'é€😀'")).isEqualTo(1);
    assertThat(db.sqls()).containsExactly("SELECT 'é€😀'");
  }
}
