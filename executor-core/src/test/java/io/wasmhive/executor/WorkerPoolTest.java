package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.internal.runtime.PooledExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The pool of seed 004: pre-warming, growth, backpressure, batches, idle clean-up, statistics and shutdown. */
class WorkerPoolTest {

  private static ExecutionTask add(int a, int b) {
    return task("c-add.wasm").entry(Entry.typed("add", i32(a), i32(b))).build();
  }

  private static ExecutionTask loop(long millis) {
    return task("hostile-infinite-loop.wasm").entry(Entry.typed("run")).policy(new Policy(0, 1_000_000_000_000L, millis, 0)).build();
  }

  @Test
  void startsPreWarmedWorkersAndGrowsUpToTheMaximum() throws Exception {
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(3).initialWorkers(2).build())) {
      assertThat(ex.stats().totalWorkers()).isEqualTo(2);
      ex.register(Guests.bytes("hostile-infinite-loop.wasm"));
      List<CompletableFuture<ExecutionResult>> running = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        running.add(ex.submit(loop(300)));
      }
      assertThat(ex.stats().totalWorkers()).isEqualTo(3);
      waitUntil(() -> ex.stats().queuedTasks() == 2 && ex.stats().busyWorkers() == 3);
      for (CompletableFuture<ExecutionResult> f : running) {
        assertThat(f.get().error()).isInstanceOf(ExecutionTimeoutException.class);
      }
      assertThat(ex.stats().failedTasks()).isEqualTo(5);
    }
  }

  @Test
  void initialWorkersPrepareTheirStoreBeforeTheFirstTask() throws Exception {
    io.wasmhive.executor.internal.wasmtime.WasmtimeEngine engine = new io.wasmhive.executor.internal.wasmtime.WasmtimeEngine(
        new io.wasmhive.executor.internal.wasmtime.WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024,
            Duration.ofMillis(2), 256, 64L << 20));
    try (WasmExecutor ex = PooledExecutor.create(ExecutorOptions.builder().maxWorkers(3).initialWorkers(3).build(), engine)) {
      waitUntil(() -> engine.liveStores() == 3);
      ExecutionResult echo = ex.execute(task("c-echo.wasm").stdin(Guests.utf8("warm")).build());
      assertThat(Guests.utf8(echo.orThrow().stdout())).isEqualTo("warm");
      assertThat(engine.liveStores()).isEqualTo(3);
    }
    assertThat(engine.liveStores()).isZero();
  }

  @Test
  void aFullQueueRefusesAtOnceWithOverloaded() throws Exception {
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).queueCapacity(1).build())) {
      ex.register(Guests.bytes("hostile-infinite-loop.wasm"));
      CompletableFuture<ExecutionResult> busy = ex.submit(loop(400));
      waitUntil(() -> ex.stats().busyWorkers() == 1);
      CompletableFuture<ExecutionResult> queued = ex.submit(add(1, 2));
      long start = System.nanoTime();
      assertThatThrownBy(() -> ex.submit(add(3, 4)))
          .isInstanceOfSatisfying(OverloadedException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.retryAfter()).isPositive();
          });
      assertThat(System.nanoTime() - start).isLessThan(Duration.ofMillis(50).toNanos());
      assertThat(ex.stats().rejectedTasks()).isEqualTo(1);
      assertThat(busy.get().error()).isInstanceOf(ExecutionTimeoutException.class);
      assertThat(queued.get().orThrow().value().asInt()).isEqualTo(3);
      assertThat(ex.execute(add(3, 4)).orThrow().value().asInt()).isEqualTo(7);
    }
  }

  @Test
  void batchesReturnResultsInOrderAndAreBounded() {
    for (boolean parallel : new boolean[] {true, false}) {
      try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(2).initialWorkers(2).batchSize(50)
          .parallel(parallel).build())) {
        List<ExecutionTask> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          tasks.add(add(i, 1000));
        }
        List<ExecutionResult> results = ex.executeBatch(tasks);
        for (int i = 0; i < 50; i++) {
          assertThat(results.get(i).orThrow().value().asInt()).isEqualTo(i + 1000);
          assertThat(results.get(i).taskId()).isEqualTo(tasks.get(i).id());
        }
        tasks.add(add(0, 0));
        assertThatThrownBy(() -> ex.executeBatch(tasks)).isInstanceOf(InvalidTaskException.class).hasMessageContaining("50");
      }
    }
  }

  @Test
  void idleWorkersAboveTheInitialCountRetire() throws Exception {
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(3).initialWorkers(1)
        .idleTimeout(Duration.ofMillis(200)).build())) {
      ex.register(Guests.bytes("hostile-infinite-loop.wasm"));
      List<CompletableFuture<ExecutionResult>> running = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        running.add(ex.submit(loop(100)));
      }
      waitUntil(() -> ex.stats().busyWorkers() == 3);
      for (CompletableFuture<ExecutionResult> f : running) {
        f.get();
      }
      waitUntil(() -> ex.stats().totalWorkers() == 1);
    }
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(3).initialWorkers(1)
        .idleTimeout(Duration.ofHours(1)).build())) {
      ex.register(Guests.bytes("hostile-infinite-loop.wasm"));
      List<CompletableFuture<ExecutionResult>> running = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        running.add(ex.submit(loop(100)));
      }
      for (CompletableFuture<ExecutionResult> f : running) {
        f.get();
      }
      assertThat(ex.stats().totalWorkers()).isEqualTo(3);
      ex.cleanupIdleWorkers();
      waitUntil(() -> ex.stats().totalWorkers() == 1);
    }
  }

  @Test
  void shutdownFinishesRunningTasksAndRefusesNewOnes() throws Exception {
    WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(2).initialWorkers(2).build());
    ex.register(Guests.bytes("hostile-infinite-loop.wasm"));
    CompletableFuture<ExecutionResult> running = ex.submit(loop(300));
    CompletableFuture<ExecutionResult> queued = ex.submit(add(2, 2));
    waitUntil(() -> ex.stats().busyWorkers() >= 1);
    ex.shutdown();
    assertThatThrownBy(() -> ex.submit(add(1, 1))).isInstanceOf(ShutDownException.class);
    assertThat(ex.isShutdown()).isTrue();
    assertThatThrownBy(() -> ex.register(Guests.bytes("wat-add.wasm"))).isInstanceOf(ShutDownException.class);
    assertThat(ex.awaitTermination(Duration.ofSeconds(5))).isTrue();
    assertThat(running.get().error()).isInstanceOf(ExecutionTimeoutException.class);
    assertThat(queued.get().orThrow().value().asInt()).isEqualTo(4);
    assertThat(ex.stats().totalWorkers()).isZero();
    ex.close();
  }

  @Test
  void statsCountCompletionsFailuresAndCacheUse() {
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).build())) {
      ex.execute(add(1, 1)).orThrow();
      ex.execute(add(1, 1)).orThrow();
      assertThat(ex.execute(task("c-add.wasm").entry(Entry.typed("div", i32(1), i32(0))).build()).error())
          .isInstanceOf(TrapException.class);
      PoolStats stats = ex.stats();
      assertThat(stats.completedTasks()).isEqualTo(2);
      assertThat(stats.failedTasks()).isEqualTo(1);
      assertThat(stats.cacheMisses()).isEqualTo(1);
      assertThat(stats.cacheHits()).isEqualTo(2);
      assertThat(stats.cachedModules()).isEqualTo(1);
      assertThat(stats.availableWorkers() + stats.busyWorkers()).isEqualTo(stats.totalWorkers());
    }
  }

  @Test
  void theCacheIsBoundedAndEvictedModulesNeedTheirBytesAgain() {
    try (WasmExecutor ex = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).cacheSize(1).build())) {
      ex.register(Guests.bytes("c-add.wasm"));
      ex.register(Guests.bytes("wat-add.wasm"));
      assertThat(ex.stats().cachedModules()).isEqualTo(1);
      ExecutionResult evicted = ex.execute(ExecutionTask.builder(Guests.id("c-add.wasm")).entry(Entry.typed("add", i32(1), i32(1))).build());
      assertThat(evicted.error()).isInstanceOf(ModuleNotFoundException.class);
      assertThat(ex.execute(add(1, 1)).orThrow().value().asInt()).isEqualTo(2);
      ExecutionResult wrongBytes = ex.execute(ExecutionTask.builder(Guests.id("c-echo.wasm")).moduleBytes(Guests.bytes("wat-add.wasm")).build());
      assertThat(wrongBytes.error()).isInstanceOf(InvalidTaskException.class).hasMessageContaining("hash");
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(5);
    }
  }
}
