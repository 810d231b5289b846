package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.internal.runtime.PooledExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.wasmhive.executor.engine.WasmEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.Timeout;

/**
 * Two client threads drive 20,000 executions through a two-worker pool, mixing typed calls, a stateful
 * module and a WASI command: every result must be right, stores must not leak, and memory must stay flat.
 */
@OnBothEngines
class ConcurrencyTest {

  @Parameter
  EngineChoice choice;

  private static final int THREADS = 2;
  private static final int PER_THREAD = 10_000;
  private static final long RSS_GROWTH_LIMIT = 64L << 20;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void twentyThousandMixedExecutionsAreAllRightLeakNoStoreAndKeepMemoryFlat() throws Exception {
    ExecutorOptions options = ExecutorOptions.builder().engine(choice).maxWorkers(2).initialWorkers(2).build();
    WasmEngine engine = EngineResources.engine(options);
    WasmExecutor executor = PooledExecutor.create(options, engine);
    for (String guest : List.of("c-add.wasm", "c-state.wasm", "c-echo.wasm")) {
      executor.register(Guests.bytes(guest));
    }
    long[] rss = new long[2];
    long[] halfEnds = new long[2];
    long start = System.nanoTime();
    CyclicBarrier half = new CyclicBarrier(THREADS, () -> {
      halfEnds[0] = System.nanoTime();
      rss[0] = rssAfterGc();
    });
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicLong[] counts = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Random random = new Random(1000 + t);
      Thread client = new Thread(() -> {
        try {
          for (int i = 0; i < PER_THREAD; i++) {
            if (i == PER_THREAD / 2) {
              half.await(60, TimeUnit.SECONDS);
            }
            String problem = executeOne(executor, random, counts);
            if (problem != null) {
              wrong.add(problem);
            }
          }
        } catch (Exception e) {
          wrong.add("client failed: " + e);
        }
      }, "concurrency-client-" + t);
      clients.add(client);
      client.start();
    }
    for (Thread client : clients) {
      client.join();
    }
    halfEnds[1] = System.nanoTime();
    rss[1] = rssAfterGc();
    PoolStats stats = executor.stats();
    executor.close();

    double firstHalf = THREADS * PER_THREAD / 2 / ((halfEnds[0] - start) / 1e9);
    double secondHalf = THREADS * PER_THREAD / 2 / ((halfEnds[1] - halfEnds[0]) / 1e9);
    System.out.printf("ConcurrencyTest: %d executions (add %d, bump %d, echo %d) on 2 workers: "
            + "first half %.0f/s, second half %.0f/s, overall %.0f/s; RSS %d MiB -> %d MiB%n",
        THREADS * PER_THREAD, counts[0].get(), counts[1].get(), counts[2].get(), firstHalf, secondHalf,
        THREADS * PER_THREAD / ((halfEnds[1] - start) / 1e9), rss[0] >> 20, rss[1] >> 20);

    assertThat(wrong).as("wrong results").isEmpty();
    assertThat(counts[0].get() + counts[1].get() + counts[2].get()).isEqualTo(THREADS * PER_THREAD);
    assertThat(counts).allMatch(c -> c.get() > 1000);
    assertThat(stats.completedTasks()).isEqualTo(THREADS * PER_THREAD);
    assertThat(stats.failedTasks()).isZero();
    assertThat(EngineResources.perThread(engine)).as("native stores left after close").isZero();
    assertThat(rss[1] - rss[0]).as("RSS growth over the second half").isLessThan(RSS_GROWTH_LIMIT);
  }

  /** Runs one random execution; returns what was wrong with it, or null. */
  private static String executeOne(WasmExecutor executor, Random random, AtomicLong[] counts) {
    int pick = random.nextInt(100);
    if (pick < 45) {
      int a = random.nextInt();
      int b = random.nextInt();
      counts[0].incrementAndGet();
      ExecutionResult r = executor.execute(task("c-add.wasm").entry(Entry.typed("add", i32(a), i32(b))).build());
      return r.success() && r.value().equals(i32(a + b)) ? null : "add(" + a + "," + b + ") = " + describe(r);
    }
    if (pick < 90) {
      counts[1].incrementAndGet();
      ExecutionResult r = executor.execute(task("c-state.wasm").entry(Entry.typed("bump")).build());
      return r.success() && r.value().equals(i32(1)) ? null : "bump() = " + describe(r);
    }
    counts[2].incrementAndGet();
    byte[] stdin = new byte[random.nextInt(4096)];
    random.nextBytes(stdin);
    ExecutionResult r = executor.execute(task("c-echo.wasm").stdin(stdin).build());
    boolean ok = r.success() && r.exitCode() == 0 && Arrays.equals(r.stdout(), stdin) && r.stderr().length == 0;
    return ok ? null : "echo of " + stdin.length + " bytes = " + describe(r) + ", stdout " + r.stdout().length + " bytes";
  }

  private static String describe(ExecutionResult r) {
    return r.success() ? r.values().toString() : String.valueOf(r.error());
  }

  /** The process's resident set in bytes, after a collection so that the Java heap counts alike each time. */
  static long rssAfterGc() {
    System.gc();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/self/status", e);
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
