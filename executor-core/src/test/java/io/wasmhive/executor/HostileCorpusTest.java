package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile corpus: each module ends with the right error kind within its bound, and a benign
 * execution on the same pool succeeds right after.
 */
class HostileCorpusTest extends ExecutorTestSupport {

  /** Gas at the server maximum, so that time, memory and output limits are what stops these guests. */
  private static final Policy SHORT = new Policy(16 * 1024 * 1024, 1_000_000_000_000L, 300, 64 * 1024);

  /** After the support's executor started for this engine (superclass methods run first). */
  @org.junit.jupiter.params.BeforeParameterizedClassInvocation
  static void registerHostileModules() {
    for (String guest : new String[] {"hostile-infinite-loop.wasm", "hostile-memory-bomb.wasm", "hostile-recursion.wasm",
        "hostile-output-flood.wasm", "hostile-gas-burner.wasm"}) {
      executor.register(Guests.bytes(guest));
    }
  }

  @AfterEach
  void benignExecutionStillSucceeds() {
    ExecutionResult r = run(task("c-add.wasm").entry(Entry.typed("add", i32(40), i32(2))));
    assertThat(r.orThrow().value().asInt()).isEqualTo(42);
  }

  @Test
  void infiniteLoopTimesOut() {
    assertFailsWithin(ExecutionTimeoutException.class, 350,
        () -> run(task("hostile-infinite-loop.wasm").policy(SHORT)));
  }

  @Test
  void memoryBombStaysUnderItsCapAndTimesOut() {
    assertFailsWithin(ExecutionTimeoutException.class, 350, () -> run(task("hostile-memory-bomb.wasm").policy(SHORT)));
    assertThat(run(task("hostile-memory-bomb.wasm").entry(Entry.typed("grow_huge")).policy(SHORT)).orThrow().value().asInt())
        .isEqualTo(-1);
  }

  @Test
  void unboundedRecursionTraps() {
    ExecutionResult r = assertFailsWithin(TrapException.class, 1000, () -> run(task("hostile-recursion.wasm").policy(SHORT)));
    assertThat(((TrapException) r.error()).trapCode()).isEqualTo("stack_overflow");
  }

  @Test
  void outputFloodHitsTheOutputLimit() {
    ExecutionResult r = assertFailsWithin(OutputLimitException.class, 350, () -> run(task("hostile-output-flood.wasm").policy(SHORT)));
    assertThat(r.stdout()).hasSize(64 * 1024);
  }

  @Test
  void gasBurnerRunsOutOfGas() {
    ExecutionResult r = assertFailsWithin(OutOfGasException.class, 1000,
        () -> run(task("hostile-gas-burner.wasm").entry(Entry.typed("run")).policy(new Policy(0, 10_000_000, 5_000, 0))));
    assertThat(r.gasUsed()).isEqualTo(10_000_000);
  }

  @Test
  void oversizedMalformedAndForeignModulesAreRejectedAtRegistration() {
    assertThatThrownBy(() -> executor.register(LimitsTest.padded(10 * 1024 * 1024 + 1))).isInstanceOf(ModuleTooLargeException.class);
    assertThatThrownBy(() -> executor.register(Guests.bytes("malformed.wasm"))).isInstanceOf(InvalidModuleException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> executor.register(Guests.bytes("not-wasm.bin"))).isInstanceOf(InvalidModuleException.class)
        .hasMessageContaining("magic");
    assertThatThrownBy(() -> executor.register(Guests.bytes("hostile-unknown-import.wasm"))).isInstanceOf(UnknownImportException.class)
        .hasMessageContaining("evil.do_it");
    assertThatThrownBy(() -> executor.register(Guests.bytes("hostile-import-memory.wasm"))).isInstanceOf(UnknownImportException.class)
        .hasMessageContaining("env.memory");
    assertThatThrownBy(() -> executor.register(Guests.bytes("hostile-simd.wasm"))).isInstanceOf(DisallowedFeatureException.class)
        .hasMessageContaining("SIMD").hasMessageContaining("f64x2.splat");
  }

  @Test
  void indicesPastTheModulesOwnAreRefusedBeforeInstrumentation() {
    String[][] cases = {
      {"hostile-call-unknown-func.wasm", "unknown function 1"},
      {"hostile-global-oob.wasm", "unknown global 1"},
      {"hostile-local-oob.wasm", "unknown local 2"},
      {"hostile-ref-func-oob.wasm", "unknown function 1"},
      {"hostile-elem-func-oob.wasm", "unknown function 1"},
      {"hostile-call-indirect-bad-type.wasm", "unknown type 5"},
      {"hostile-data-segment-huge.wasm", "data length 4294967295 exceeds"},
      {"hostile-elem-segment-huge.wasm", "element count 2147483648 exceeds"}};
    for (String[] c : cases) {
      assertThatThrownBy(() -> executor.register(Guests.bytes(c[0]))).as(c[0])
          .isInstanceOf(InvalidModuleException.class).hasMessageContaining(c[1]);
      ExecutionResult r = run(task(c[0]).entry(Entry.typed("run")));
      assertThat(r.error()).as(c[0]).isInstanceOf(InvalidModuleException.class);
      assertThat(r.error().kind()).isEqualTo(ErrorKind.INVALID_MODULE);
    }
  }

  @Test
  void aTableGrowBombStopsAtTheTableCap() {
    // One grow of 2^20 slots is past WASM_MAX_TABLE_ELEMENTS (10,000): refused at once, nothing allocated.
    assertThat(run(task("hostile-table-grow-bomb.wasm").entry(Entry.typed("run")).policy(SHORT)).orThrow().value().asInt())
        .isEqualTo(1);
    assertThat(run(task("hostile-table-grow-bomb.wasm").entry(Entry.typed("grow_huge")).policy(SHORT)).orThrow()
        .value().asInt()).isEqualTo(-1);
  }

  @Test
  void hugeTableAndMemoryFillsAreStoppedWithinTheirBounds() {
    assertThat(run(task("hostile-table-fill.wasm").entry(Entry.typed("grow")).policy(SHORT)).orThrow().value().asInt())
        .isEqualTo(-1);
    assertFailsWithin(ExecutionTimeoutException.class, 350,
        () -> run(task("hostile-table-fill.wasm").entry(Entry.typed("run")).policy(SHORT)));
    assertFailsWithin(OutOfGasException.class, 350, () -> run(task("hostile-table-fill.wasm").entry(Entry.typed("run"))
        .policy(new Policy(0, 1_000_000, 5_000, 0))));
    // An out-of-bounds fill of 2^32-1 slots is charged, then traps before writing anything.
    ExecutionResult oob = run(task("hostile-table-fill.wasm").entry(Entry.typed("fill_oob")).policy(SHORT));
    assertThat(((TrapException) oob.error()).trapCode()).isEqualTo("table_out_of_bounds");
    assertThat(oob.gasUsed()).isGreaterThan(0xFFFF_FFFFL);
    assertFailsWithin(OutOfGasException.class, 350, () -> run(task("hostile-table-fill.wasm").entry(Entry.typed("fill_oob"))
        .policy(new Policy(0, 1_000_000, 5_000, 0))));

    assertFailsWithin(ExecutionTimeoutException.class, 350,
        () -> run(task("hostile-memory-fill.wasm").entry(Entry.typed("run")).policy(SHORT)));
    ExecutionResult burnt = assertFailsWithin(OutOfGasException.class, 1_000,
        () -> run(task("hostile-memory-fill.wasm").entry(Entry.typed("run")).policy(new Policy(1 << 20, 10_000_000, 5_000, 0))));
    assertThat(burnt.gasUsed()).isEqualTo(10_000_000);
    ExecutionResult memOob = run(task("hostile-memory-fill.wasm").entry(Entry.typed("fill_oob")).policy(SHORT));
    assertThat(((TrapException) memOob.error()).trapCode()).isEqualTo("memory_out_of_bounds");
    assertThat(run(task("hostile-memory-fill.wasm").entry(Entry.typed("fill_all")).policy(SHORT)).orThrow().value().asInt())
        .isEqualTo(342);
  }

  @Test
  void executingARejectedModuleFailsWithTheSameError() {
    ExecutionResult r = run(task("hostile-unknown-import.wasm"));
    assertThat(r.error()).isInstanceOf(UnknownImportException.class);
    assertThat(r.error().retryable()).isFalse();
  }

  @Test
  void rpcCallsWithBadPointersNeverCrashTheHost() {
    for (String export : new String[] {"bad_req", "bad_len", "neg_len"}) {
      ExecutionResult r = run(rpc(export));
      assertThat(r.success()).as(export).isTrue();
      assertThat(r.value().asInt()).as(export + " returns the length of a JSON-RPC error object").isPositive();
    }
    for (String export : new String[] {"bad_resp_ptr", "edge_resp_ptr", "bad_alloc"}) {
      ExecutionResult r = run(rpc(export));
      assertThat(r.error()).as(export).isInstanceOf(TrapException.class);
      assertThat(((TrapException) r.error()).trapCode()).isEqualTo("bad_pointer");
    }
    assertThat(run(rpc("good")).orThrow().value().asInt()).isPositive();
  }

  private static ExecutionTask.Builder rpc(String export) {
    return task("hostile-rpc-bad-pointers.wasm").entry(Entry.typed(export))
        .rpcHandler((request, timeout) -> Guests.utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}"));
  }

  /**
   * The run fails with {@code kind} every time, and within {@code millis} at least once in three attempts: a wall-clock
   * bound on a shared 2-core machine is moved by the scheduler, never by a working limit three times in a row.
   */
  private static ExecutionResult assertFailsWithin(Class<? extends ExecutorException> kind, long millis, Supplier<ExecutionResult> run) {
    List<Long> elapsed = new ArrayList<>();
    ExecutionResult r = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      long start = System.nanoTime();
      r = run.get();
      elapsed.add((System.nanoTime() - start) / 1_000_000);
      assertThat(r.error()).isInstanceOf(kind);
      if (elapsed.get(attempt) < millis) {
        return r;
      }
    }
    assertThat(elapsed).as("milliseconds of three attempts; at least one under " + millis).anyMatch(ms -> ms < millis);
    return r;
  }

}
