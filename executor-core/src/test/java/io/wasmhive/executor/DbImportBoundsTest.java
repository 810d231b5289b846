package io.wasmhive.executor;

import static io.wasmhive.executor.DbImportTest.GUEST;
import static io.wasmhive.executor.DbImportTest.POLICY;
import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The bounds of the {@code db} imports on each engine: SQL, parameters and query results at and just past
 * their limits (refused with {@code LIMIT} before the database is asked), pointers outside guest memory (a
 * {@code bad_pointer} trap), a guest without a usable {@code alloc}, and message entries that do not fit the
 * module.
 */
@OnBothEngines
class DbImportBoundsTest {

  private static final int MAX_SQL = 64 * 1024;
  private static final int MAX_PARAMS = 1024 * 1024;

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

  private ExecutionResult message(String export, byte[] message, Policy policy) {
    return DbImportTest.message(executor, db, export, message, policy);
  }

  private ExecutionResult typed(String guest, String export) {
    return executor.execute(task(guest).entry(Entry.typed(export)).database(db).build());
  }

  private static byte[] filled(int length, char c) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) c);
    return bytes;
  }

  private static void assertBadPointer(ExecutionResult r, String function) {
    assertThat(r.error()).isInstanceOf(TrapException.class);
    assertThat(((TrapException) r.error()).trapCode()).isEqualTo("bad_pointer");
    assertThat(r.error().getMessage()).contains("db." + function);
  }

  @Test
  void sqlOf64KibIsPassedAndOneByteMoreIsLimit() {
    assertThat(message("reduce", filled(MAX_SQL, 'x'), POLICY).orThrow().value().asInt()).isEqualTo(1);
    assertThat(db.calls).singleElement().extracting(c -> c.sql().length()).isEqualTo(MAX_SQL);
    assertThat(message("reduce", filled(MAX_SQL + 1, 'x'), POLICY).orThrow().value().asInt())
        .isEqualTo(DatabaseException.LIMIT);
    assertThat(db.calls).hasSize(1);
  }

  @Test
  void paramsOf1MibArePassedAndOneByteMoreIsLimit() {
    assertThat(message("params_msg", filled(MAX_PARAMS, ' '), POLICY).orThrow().value().asInt()).isEqualTo(1);
    assertThat(db.calls).singleElement().satisfies(c -> {
      assertThat(c.sql()).isEqualTo("UPDATE t SET x = ?");
      assertThat(c.params()).hasSize(MAX_PARAMS);
    });
    assertThat(message("params_msg", filled(MAX_PARAMS + 1, ' '), POLICY).orThrow().value().asInt())
        .isEqualTo(DatabaseException.LIMIT);
    assertThat(db.calls).hasSize(1);
  }

  @Test
  void aQueryResultUpToMaxOutputIsDeliveredAndOneByteMoreIsLimit() {
    Policy policy = new Policy(0, 0, 5_000, 100);
    assertThat(message("query_msg", utf8("ROWS 100"), policy).orThrow().value().asInt()).isEqualTo(100);
    assertThat(db.sqls()).last().isEqualTo(new String(RecordingDatabase.rowsOfLength(100)));
    assertThat(message("query_msg", utf8("ROWS 101"), policy).orThrow().value().asInt())
        .isEqualTo(DatabaseException.LIMIT);
    assertThat(message("error_msg", utf8("FAIL -1 x"), policy).orThrow().value().asInt()).isEqualTo(1);
  }

  @Test
  void pointersOutsideMemoryTrapBeforeTheDatabaseIsAsked() {
    assertBadPointer(typed(GUEST, "bad_sql_ptr"), "exec");
    assertBadPointer(typed(GUEST, "edge_sql"), "exec");
    assertBadPointer(typed(GUEST, "bad_params_ptr"), "exec");
    assertBadPointer(typed(GUEST, "bad_out_ptr"), "query");
    assertBadPointer(typed(GUEST, "edge_out_ptr"), "query");
    assertThat(db.calls).isEmpty();
    assertThat(typed(GUEST, "exec_edge").orThrow().value().asInt()).isEqualTo(1);
    assertThat(db.sqls()).containsExactly("SELECT 2");
  }

  @Test
  void errorTrapsOnlyWhenItWouldCopyOutsideMemory() {
    db.changed.clear();
    assertBadPointer(executor.execute(task(GUEST).entry(Entry.typed("bad_error_buf")).database(null).build()), "error");
    int length = "this execution has no database".length();
    assertThat(executor.execute(task(GUEST).entry(Entry.typed("error_zero_cap")).build()).orThrow().value().asInt())
        .isEqualTo(length);
  }

  @Test
  void queryRowsThatCannotBeDeliveredTrap() {
    assertBadPointer(message("query_bad_alloc", utf8("SELECT 1"), POLICY), "query");
    assertBadPointer(typed("wat-db-noalloc.wasm", "query"), "query");
    assertThat(db.sqls()).as("asked once, for the guest whose alloc then failed").containsExactly("SELECT 1");
  }

  @Test
  void messageEntriesThatDoNotFitTheModuleAreInvalidTasks() {
    assertInvalid("wat-db-noalloc.wasm", "reduce", "exports no function 'alloc'");
    assertInvalid(GUEST, "reduce_i64", "export 'reduce_i64' has signature [I32, I32] -> [I64]");
    assertInvalid(GUEST, "error_none", "export 'error_none' has signature [] -> [I32]");
    assertInvalid(GUEST, "nope", "exports no function 'nope'");
    assertThat(db.calls).isEmpty();
  }

  @Test
  void aModuleImportingQueryWithAnAllocOfTheWrongTypeIsRefusedAtRegistration() {
    for (Entry entry : new Entry[] {Entry.typed("query"), Entry.message("reduce", utf8("{}"))}) {
      ExecutionResult r = executor.execute(task("wat-db-badalloc.wasm").entry(entry).database(db).build());
      assertThat(r.error()).isInstanceOf(InvalidModuleException.class)
          .hasMessageContaining("export 'alloc' has signature [I64] -> [I64], expected [I32] -> [I32]");
    }
    assertThat(db.calls).isEmpty();
  }

  private void assertInvalid(String guest, String export, String message) {
    ExecutionResult r = executor.execute(task(guest).entry(Entry.message(export, utf8("{}"))).database(db).build());
    assertThat(r.error()).isInstanceOf(InvalidTaskException.class).hasMessageContaining(message);
  }
}
