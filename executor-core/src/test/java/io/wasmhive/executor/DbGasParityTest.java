package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same reducer calls cost the same gas on Wasmtime and Chicory (with and without instance reuse), whatever
 * the database answers: gas counts the guest's own instructions, host calls included, and nothing of the host.
 */
class DbGasParityTest {

  private static final List<Entry> ENTRIES = List.of(
      Entry.message("reduce", utf8("INSERT INTO t VALUES (?, ?)")),
      Entry.message("query_msg", utf8("SELECT * FROM t")),
      Entry.message("error_msg", utf8("FAIL -3 UNIQUE constraint failed")),
      Entry.message("reduce", utf8("BOOM")),
      Entry.typed("error_none"));

  @Test
  void gasIsIdenticalOnBothEngines() {
    List<Long> wasmtime = gas(EngineChoice.WASMTIME, false);
    assertThat(wasmtime).allSatisfy(g -> assertThat(g).isPositive());
    assertThat(gas(EngineChoice.CHICORY, false)).isEqualTo(wasmtime);
    assertThat(gas(EngineChoice.CHICORY, true)).isEqualTo(wasmtime);
  }

  private static List<Long> gas(EngineChoice engine, boolean reuse) {
    List<Long> used = new ArrayList<>();
    ExecutorOptions options = ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).instanceReuse(reuse)
        .engine(engine).build();
    try (WasmExecutor executor = WasmExecutor.create(options)) {
      for (int round = 0; round < 2; round++) {
        for (Entry entry : ENTRIES) {
          ExecutionResult r = executor.execute(task(DbImportTest.GUEST).entry(entry).database(new RecordingDatabase())
              .build());
          used.add(r.orThrow().gasUsed());
        }
      }
    }
    return used;
  }
}
