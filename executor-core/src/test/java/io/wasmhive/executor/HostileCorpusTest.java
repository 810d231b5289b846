package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @org.junit.jupiter.api.BeforeAll
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

    private static ExecutionResult assertFailsWithin(Class<? extends ExecutorException> kind, long millis, Supplier<ExecutionResult> run) {
        long start = System.nanoTime();
        ExecutionResult r = run.get();
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.error()).isInstanceOf(kind);
        assertThat(elapsed).isLessThan(millis);
        return r;
    }
}
