package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Instance reuse on each engine: state a module keeps in memory, mutable globals, tables, element and data
 * segments, after bulk-memory fills and after growth, never reaches the next execution of the same module
 * on a kept instance, and reuse changes no result (values, output, stdio, exit code, error, gas). Where the
 * engine cannot reset an instance exactly (Wasmtime through wasmtime-java), nothing is kept.
 */
@OnBothEngines
class InstanceReuseTest {

  private static final int ROUNDS = 1_000;

  @Parameter
  EngineChoice engine;

  private WasmExecutor executor(boolean reuse, int retainedMb) {
    ExecutorOptions options = ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).instanceReuse(reuse)
        .reuseRetainedMb(retainedMb).engine(engine).build();
    return WasmExecutor.create(options);
  }

  private boolean resets() {
    return engine == EngineChoice.CHICORY;
  }

  @Test
  void noStateReachesTheNextExecutionOnAKeptInstance() {
    try (WasmExecutor executor = executor(true, 256)) {
      for (int i = 0; i < ROUNDS; i++) {
        // Linear memory and a mutable global written by the last execution of the same module.
        assertThat(typed(executor, "c-state.wasm", "peek_buf")).as("peek_buf #%d", i).isZero();
        assertThat(typed(executor, "c-state.wasm", "bump")).as("bump #%d", i).isEqualTo(1);
        assertThat(typed(executor, "wat-mutable-global-export.wasm", "inc")).as("inc #%d", i).isEqualTo(43);
        // A whole page filled by one execution is zero again for the next.
        assertThat(typed(executor, "wat-bulk-memory.wasm", "fill", i32(0), i32(0xA5), i32(65536))).isNull();
        assertThat(typed(executor, "wat-bulk-memory.wasm", "checksum", i32(0), i32(65536))).isZero();
        // Memory grown by one execution starts at its declared size in the next.
        assertThat(typed(executor, "c-grow.wasm", "grow", i32(1 + i % 40))).isEqualTo(2);
        assertThat(typed(executor, "c-grow.wasm", "size")).isEqualTo(2);
        // Tables: set, fill, copy, init, grow and a dropped element segment, each undone for the next.
        assertThat(typed(executor, "wat-table-ops.wasm", "get_set")).as("get_set #%d", i).isEqualTo(1);
        assertThat(typed(executor, "wat-table-ops.wasm", "fill")).as("fill #%d", i).isEqualTo(6);
        assertThat(typed(executor, "wat-table-ops.wasm", "copy")).as("copy #%d", i).isEqualTo(112);
        assertThat(typed(executor, "wat-table-ops.wasm", "init")).as("init #%d", i).isEqualTo(34);
        assertThat(typed(executor, "wat-table-ops.wasm", "drop_then_init")).isEqualTo(1);
        assertThat(typed(executor, "wat-table-ops.wasm", "init")).as("init after a drop #%d", i).isEqualTo(34);
        assertThat(typed(executor, "wat-table-ops.wasm", "grow")).as("grow #%d", i).isEqualTo(352);
        assertThat(typed(executor, "wat-table-ops.wasm", "size")).as("size #%d", i).isEqualTo(3);
        assertThat(typed(executor, "wat-elem-segments.wasm", "init")).as("elem init #%d", i).isEqualTo(2030);
        // A dropped data segment and the global counting calls are back for the next execution.
        assertThat(typed(executor, "wat-data-drop.wasm", "init_then_drop")).as("data #%d", i).isEqualTo(1111);
        assertThat(typed(executor, "wat-data-drop.wasm", "peek")).as("peek #%d", i).isZero();
      }
      PoolStats stats = executor.stats();
      long executions = 18L * ROUNDS;
      assertThat(stats.instantiations() + stats.instanceReuses()).isEqualTo(executions);
      if (resets()) {
        // Only the executions that grew memory or a table cost an instance, and the module that drops a data
        // segment is never reset (2 of 18 calls a round).
        assertThat(stats.instanceReuses()).as("kept instances served most executions").isGreaterThan(executions * 3 / 4);
      } else {
        assertThat(stats.instanceReuses()).isZero();
      }
    }
  }

  @Test
  void reuseChangesNoResult() {
    List<Supplier<ExecutionTask.Builder>> tasks = List.of(
        () -> task("wat-add.wasm").entry(Entry.typed("add", i32(40), i32(2))),
        () -> task("c-add.wasm").entry(Entry.typed("calculate_discount", WasmValue.f64(100.0), i32(2))),
        () -> task("wat-loop-sum.wasm").entry(Entry.typed("sum_to", i64(10_000))),
        () -> task("wat-loop-sum.wasm").entry(Entry.typed("sum_to", i64(1_000_000))).policy(new Policy(0, 50_000, 0, 0)),
        () -> task("c-echo.wasm").stdin(utf8("{\"k\":\"v\"}")),
        () -> task("rust-json-cmd.wasm").stdin(utf8("{\"values\":[1.5,2,\"x\",null,1]}")),
        () -> task("rust-json-run.wasm").entry(Entry.stdio("run")).stdin(utf8("{\"values\":[1,2,3]}")),
        () -> task("c-sha256.wasm").entry(Entry.bytes("sha256", utf8("abc"))),
        () -> task("c-proc-text.wasm").entry(Entry.bytes("greet", utf8("Ada"))),
        () -> task("wat-wasi-exit.wasm"),
        () -> task("wat-trap-unreachable.wasm").entry(Entry.typed("run")),
        () -> task("c-state.wasm").entry(Entry.typed("bump")),
        () -> task("wat-table-ops.wasm").entry(Entry.typed("drop_then_init1")));
    List<String> fresh = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    try (WasmExecutor once = executor(false, 256); WasmExecutor reusing = executor(true, 256)) {
      for (Supplier<ExecutionTask.Builder> t : tasks) {
        for (int i = 0; i < 3; i++) {
          fresh.add(describe(once.execute(t.get().id("t" + i).build())));
          kept.add(describe(reusing.execute(t.get().id("t" + i).build())));
        }
      }
      assertThat(once.stats().instanceReuses()).isZero();
      assertThat(reusing.stats().instanceReuses() > 0).isEqualTo(resets());
    }
    assertThat(kept).containsExactlyElementsOf(fresh);
    assertThat(fresh).anyMatch(s -> s.contains("error=OutOfGasException")).anyMatch(s -> s.contains("TrapException"));
  }

  @Test
  void withNoRetainedMemoryBudgetNothingIsKeptAndResultsStayTheSame() {
    try (WasmExecutor executor = executor(true, 0)) {
      for (int i = 0; i < 50; i++) {
        assertThat(typed(executor, "c-state.wasm", "bump")).isEqualTo(1);
      }
      assertThat(executor.stats().instanceReuses()).isZero();
      assertThat(executor.stats().instantiations()).isEqualTo(50);
    }
  }

  @Test
  void aTrapDiscardsTheInstanceAndTheNextExecutionStartsClean() {
    try (WasmExecutor executor = executor(true, 256)) {
      for (int i = 0; i < 200; i++) {
        ExecutionResult trapped = executor.execute(task("wat-table-ops.wasm").entry(Entry.typed("drop_then_init1")).build());
        assertThat(trapped.error()).isInstanceOf(TrapException.class);
        assertThat(typed(executor, "wat-table-ops.wasm", "init")).isEqualTo(34);
      }
    }
  }

  private static String describe(ExecutionResult r) {
    return "values=" + r.values() + " output=" + (r.output() == null ? null : utf8(r.output())) + " stdout=" + utf8(r.stdout())
        + " stderr=" + utf8(r.stderr()) + " exit=" + r.exitCode() + " gas=" + r.gasUsed() + " error="
        + (r.error() == null ? null : r.error().getClass().getSimpleName() + ": " + r.error().getMessage());
  }

  /** The single i32 result of a typed call, or null for a call without results. */
  private static Integer typed(WasmExecutor executor, String guest, String export, WasmValue... args) {
    ExecutionResult r = executor.execute(task(guest).entry(Entry.typed(export, args)).build()).orThrow();
    return r.values().isEmpty() ? null : r.value().asInt();
  }
}
