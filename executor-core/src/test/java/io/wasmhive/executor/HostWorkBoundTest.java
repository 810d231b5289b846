package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * On a real worker: a guest hands {@code fd_write} and {@code fd_read} one 48 MiB iovec and the worker thread
 * allocates a small, fixed amount for it, measured by the JVM's per-thread allocation counter from the guest's
 * {@code host.progress(0)}, right before the call, to {@code host.progress(100)} right after it (or, when the
 * call ends the execution, to the end of the execution). Each case runs once beforehand to warm up.
 */
@OnBothEngines
class HostWorkBoundTest {

  private static final String GUEST = "hostile-big-iovec.wasm";
  private static final Policy POLICY = new Policy(64L << 20, 0, 5_000, 1024);

  private static WasmExecutor executor;

  /** The engine of this run (also given to {@link #start}). */
  @Parameter
  EngineChoice engine;

  @BeforeParameterizedClassInvocation
  static void start(EngineChoice engine) {
    // Measured, never assumed: a JVM without per-thread allocation counters fails here instead of skipping.
    assertThat(threads().isThreadAllocatedMemorySupported()).as("per-thread allocation counters").isTrue();
    threads().setThreadAllocatedMemoryEnabled(true);
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).engine(engine).build());
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    if (executor != null) {
      executor.close();
    }
  }

  private static com.sun.management.ThreadMXBean threads() {
    return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }

  /** What the worker thread allocated between progress 0 and 100, and the result. */
  private record Measured(ExecutionResult result, long allocated) {
  }

  private static Measured run(String export, byte[] stdin) {
    Map<Integer, Long> at = new ConcurrentHashMap<>();
    long[] worker = {-1};
    ExecutionResult result = executor.execute(task(GUEST).entry(Entry.typed(export)).stdin(stdin).policy(POLICY)
        .progressListener(pct -> {
          worker[0] = Thread.currentThread().getId();
          at.put(pct, threads().getCurrentThreadAllocatedBytes());
        }).build());
    long end = at.containsKey(100) ? at.get(100) : threads().getThreadAllocatedBytes(worker[0]);
    return new Measured(result, end - at.get(0));
  }

  @Test
  void fdWriteOf48MiBWithMaxOutput1KiBIsOutputLimitAndCopiesNoMoreThanTheLimit() {
    run("write", new byte[0]);
    Measured measured = run("write", new byte[0]);
    assertThat(measured.result().error()).isInstanceOf(OutputLimitException.class);
    assertThat(measured.result().stdout()).hasSize(1024).containsOnly(0);
    // Includes the end of the execution (result, stdout copy, instance close): still far below one iovec.
    assertThat(measured.allocated()).isLessThan(256 * 1024);
  }

  @Test
  void fdReadOf48MiBCopiesWhatStdinHolds() {
    byte[] stdin = new byte[10_000];
    run("read", stdin);
    Measured measured = run("read", stdin);
    assertThat(measured.result().orThrow().value().asInt()).as("errno").isZero();
    assertThat(measured.allocated()).isLessThan(64 * 1024);
  }
}
