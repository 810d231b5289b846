package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.internal.runtime.PooledExecutor;
import java.util.HashSet;
import java.util.Set;
import io.wasmhive.executor.engine.WasmEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * One worker serves every execution on the same thread and (between replacements) the same native
 * store, yet no execution sees memory, globals or memory size left by the one before.
 */
@OnBothEngines
class IsolationTest {

  @Parameter
  EngineChoice choice;

  @Test
  void aSingleWorkerNeverLetsAnExecutionSeeThePreviousOnesState() {
    ExecutorOptions options = ExecutorOptions.builder().engine(choice).maxWorkers(1).initialWorkers(1).build();
    WasmEngine engine = EngineResources.engine(options);
    Set<String> workers = new HashSet<>();
    int maxStores = 0;
    try (WasmExecutor executor = PooledExecutor.create(options, engine)) {
      for (int i = 0; i < 1000; i++) {
        // Linear memory and a mutable global written by the last execution of the same module.
        assertThat(typed(executor, workers, "c-state.wasm", "peek_buf")).as("peek_buf #%d", i).isZero();
        assertThat(typed(executor, workers, "c-state.wasm", "bump")).as("bump #%d", i).isEqualTo(1);
        assertThat(typed(executor, workers, "wat-mutable-global-export.wasm", "inc")).as("inc #%d", i).isEqualTo(43);
        // A whole page filled by one execution is zero again for the next.
        assertThat(typed(executor, workers, "wat-bulk-memory.wasm", "fill", i32(0), i32(0xA5), i32(65536))).isNull();
        assertThat(typed(executor, workers, "wat-bulk-memory.wasm", "checksum", i32(0), i32(65536))).isZero();
        // Memory grown by one execution starts at its declared size in the next.
        assertThat(typed(executor, workers, "c-grow.wasm", "grow", i32(1 + i % 40))).isEqualTo(2);
        assertThat(typed(executor, workers, "c-grow.wasm", "size")).isEqualTo(2);
        maxStores = Math.max(maxStores, EngineResources.perThread(engine));
      }
    }
    assertThat(workers).as("one worker ran everything").hasSize(1);
    assertThat(maxStores).as("one native store at a time").isEqualTo(1);
    assertThat(EngineResources.perThread(engine)).isZero();
  }

  /** The single i32 result of a typed call, or null for a call without results. */
  private static Integer typed(WasmExecutor executor, Set<String> workers, String guest, String export, WasmValue... args) {
    ExecutionResult r = executor.execute(task(guest).entry(Entry.typed(export, args)).build()).orThrow();
    workers.add(r.worker());
    return r.values().isEmpty() ? null : r.value().asInt();
  }
}
