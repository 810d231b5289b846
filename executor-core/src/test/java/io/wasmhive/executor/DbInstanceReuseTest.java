package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The {@code db} imports with instance reuse (ADR 0022) on each engine: a kept instance calls the database of
 * the execution it serves, never an earlier one's, and {@code db.error} does not carry a message over.
 */
@OnBothEngines
class DbInstanceReuseTest {

  private static final int ROUNDS = 50;

  @Parameter
  EngineChoice engine;

  @Test
  void aKeptInstanceAnswersEachExecutionFromItsOwnDatabase() {
    ExecutorOptions options = ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).instanceReuse(true)
        .engine(engine).build();
    try (WasmExecutor executor = WasmExecutor.create(options)) {
      for (int i = 0; i < ROUNDS; i++) {
        RecordingDatabase failing = new RecordingDatabase();
        RecordingDatabase fresh = new RecordingDatabase();
        RecordingDatabase next = new RecordingDatabase();
        assertThat(run(executor, Entry.message("error_msg", utf8("FAIL -1 near \"xyz\": syntax error")), failing))
            .isEqualTo("near \"xyz\": syntax error".length());
        assertThat(run(executor, Entry.typed("error_none"), fresh)).as("error_none #%d", i).isZero();
        assertThat(run(executor, Entry.message("reduce", utf8("UPDATE t SET n = " + i)), next)).isEqualTo(1);
        assertThat(failing.sqls()).containsExactly("FAIL -1 near \"xyz\": syntax error", "near \"xy");
        assertThat(fresh.calls).isEmpty();
        assertThat(next.sqls()).containsExactly("UPDATE t SET n = " + i);
      }
      assertThat(executor.stats().instanceReuses() > 0).isEqualTo(engine == EngineChoice.CHICORY);
    }
  }

  private static int run(WasmExecutor executor, Entry entry, DatabaseHandler db) {
    return executor.execute(task(DbImportTest.GUEST).entry(entry).database(db).build()).orThrow().value().asInt();
  }
}
