package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A guest that fails while the host is inside one of its host functions (here its {@code alloc}, re-entered by
 * {@code host.rpc_call}) fails as the guest, not as the host: the same error kind, gas and retryability as
 * if it had failed in its own code, a message for people, and a worker that serves the next task normally.
 * One worker, so that every execution of a test runs on the same worker and store.
 */
@OnBothEngines
class HostReentryTest {

  private static final String GUEST = "hostile-rpc-alloc.wasm";
  private static final byte[] RESPONSE = Guests.utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}");

  private static WasmExecutor executor;
  private final AtomicInteger rpcCalls = new AtomicInteger();

  /** The engine of this run (also given to {@link #start}). */
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

  private ExecutionResult main(int mode, Policy policy) {
    return executor.execute(task(GUEST).entry(Entry.typed("main", i32(mode))).policy(policy)
        .rpcHandler((request, timeout) -> {
          rpcCalls.incrementAndGet();
          return RESPONSE.clone();
        }).build());
  }

  @Test
  void aBehavingAllocDeliversTheResponse() {
    assertThat(main(0, Policy.DEFAULT).orThrow().value().asInt()).isEqualTo(RESPONSE.length);
    assertThat(rpcCalls).hasValue(1);
  }

  @Test
  void allocTrappingInsideRpcCallIsTheGuestsTrap() {
    ExecutionResult r = main(1, new Policy(0, 1_000_000, 5_000, 0));
    assertGuestFailure(r, ErrorKind.TRAP);
    assertThat(((TrapException) r.error()).trapCode()).isEqualTo("unreachable");
    assertThat(r.gasUsed()).isPositive().isLessThan(1_000);
    assertThat(rpcCalls).as("the handler answered before alloc ran").hasValue(1);
    assertBenignRunOnTheSameWorker(r);
  }

  @Test
  void allocLoopingInsideRpcCallTimesOut() {
    long start = System.nanoTime();
    ExecutionResult r = main(2, new Policy(0, 1_000_000_000_000L, 200, 0));
    assertGuestFailure(r, ErrorKind.TIMEOUT);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    assertBenignRunOnTheSameWorker(r);
  }

  @Test
  void allocBurningGasInsideRpcCallRunsOutOfGas() {
    ExecutionResult r = main(3, new Policy(0, 5_000_000, 10_000, 0));
    assertGuestFailure(r, ErrorKind.OUT_OF_GAS);
    assertThat(r.gasUsed()).as("the whole budget, as for a direct out-of-gas").isEqualTo(5_000_000);
    assertBenignRunOnTheSameWorker(r);
  }

  @Test
  void theGasOfAFailedReentryIsTheSameOnEveryRun() {
    Policy policy = new Policy(0, 1_000_000, 5_000, 0);
    long first = main(1, policy).gasUsed();
    assertThat(main(1, policy).gasUsed()).isEqualTo(first);
  }

  private static void assertGuestFailure(ExecutionResult r, ErrorKind kind) {
    assertThat(r.success()).isFalse();
    assertThat(r.error().kind()).as(String.valueOf(r.error())).isEqualTo(kind);
    assertThat(r.error().retryable()).isFalse();
    assertThat(r.error().getMessage()).doesNotContain("Exception", "java.", "io.wasmhive", "\n", "backtrace");
  }

  private void assertBenignRunOnTheSameWorker(ExecutionResult failed) {
    ExecutionResult benign = main(0, Policy.DEFAULT);
    assertThat(benign.orThrow().value().asInt()).isEqualTo(RESPONSE.length);
    assertThat(benign.worker()).isEqualTo(failed.worker());
    assertThat(executor.execute(task("c-add.wasm").entry(Entry.typed("add", i32(40), i32(2))).build())
        .orThrow().value().asInt()).isEqualTo(42);
  }
}
