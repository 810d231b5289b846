package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every limit at its edge and just past it. */
class LimitsTest extends ExecutorTestSupport {

  private static final long PAGE = 65536;

  @Test
  void gasIsExactAndIdenticalOnEveryRun() {
    long first = sumTo(1000, 0).orThrow().gasUsed();
    for (int i = 0; i < 5; i++) {
      assertThat(sumTo(1000, 0).orThrow().gasUsed()).isEqualTo(first);
    }
    long perIteration = sumTo(1001, 0).orThrow().gasUsed() - first;
    assertThat(perIteration).isPositive();
    assertThat(sumTo(2000, 0).orThrow().gasUsed()).isEqualTo(first + 1000 * perIteration);
  }

  @Test
  void gasLimitAtTheEdgeSucceedsAndOneLessRunsOut() {
    long needed = sumTo(1000, 0).orThrow().gasUsed();
    ExecutionResult atEdge = sumTo(1000, needed);
    assertThat(atEdge.success()).isTrue();
    assertThat(atEdge.value().asLong()).isEqualTo(500500);
    ExecutionResult past = sumTo(1000, needed - 1);
    assertThat(past.error()).isInstanceOf(OutOfGasException.class);
    assertThat(past.gasUsed()).isEqualTo(needed - 1);
    assertThat(past.error().retryable()).isFalse();
  }

  @Test
  void memoryGrowPastTheCapReturnsMinusOne() {
    ExecutionResult r = run(task("c-grow.wasm").entry(Entry.typed("grow_until_fail")).policy(new Policy(16 * 1024 * 1024, 0, 0, 0)));
    assertThat(r.orThrow().value().asInt()).isEqualTo(256);
    ExecutionResult huge = run(task("c-grow.wasm").entry(Entry.typed("grow", i32(70000))));
    assertThat(huge.orThrow().value().asInt()).isEqualTo(-1);
    ExecutionResult oneMore = run(task("c-grow.wasm").entry(Entry.typed("grow", i32(1))).policy(new Policy(3 * PAGE, 0, 0, 0)));
    assertThat(oneMore.orThrow().value().asInt()).isEqualTo(2);
    ExecutionResult twoMore = run(task("c-grow.wasm").entry(Entry.typed("grow", i32(2))).policy(new Policy(3 * PAGE, 0, 0, 0)));
    assertThat(twoMore.orThrow().value().asInt()).isEqualTo(-1);
  }

  @Test
  void initialMemoryAboveMaxMemoryIsRefused() {
    assertThat(run(task("c-grow.wasm").entry(Entry.typed("size")).policy(new Policy(2 * PAGE, 0, 0, 0))).orThrow().value().asInt())
        .isEqualTo(2);
    ExecutionResult below = run(task("c-grow.wasm").entry(Entry.typed("size")).policy(new Policy(2 * PAGE - 1, 0, 0, 0)));
    assertThat(below.error()).isInstanceOf(MemoryLimitException.class);
    assertThatThrownBy(() -> executor.register(Guests.bytes("hostile-huge-initial-memory.wasm")))
        .isInstanceOf(MemoryLimitException.class).hasMessageContaining("4294967296");
  }

  @Test
  void timeLimitStopsAnInfiniteLoopWithin50Milliseconds() {
    for (long maxTime : new long[] {50, 200}) {
      // Never before the limit, and within 50 ms of it in one of three attempts: the scheduler of a loaded 2-core
      // machine can add that much once, a limit that does not work every time.
      List<Long> elapsed = new ArrayList<>();
      for (int attempt = 0; attempt < 3 && (elapsed.isEmpty() || elapsed.get(elapsed.size() - 1) >= maxTime + 50);
          attempt++) {
        long start = System.nanoTime();
        ExecutionResult r = run(task("hostile-infinite-loop.wasm").entry(Entry.typed("run")).policy(new Policy(0, executor.options().maxPolicy().maxGas(), maxTime, 0)));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.error()).isInstanceOf(ExecutionTimeoutException.class);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(maxTime);
        elapsed.add(elapsedMs);
      }
      assertThat(elapsed).as("ms for a %d ms limit, up to three attempts", maxTime).anyMatch(ms -> ms < maxTime + 50);
    }
  }

  @Test
  void outputAtTheLimitPassesAndOneByteMoreFails() {
    byte[] exact = new byte[1024];
    Arrays.fill(exact, (byte) 'x');
    ExecutionResult ok = run(task("c-echo.wasm").stdin(exact).policy(new Policy(0, 0, 0, 1024)));
    assertThat(ok.orThrow().stdout()).isEqualTo(exact);
    ExecutionResult past = run(task("c-echo.wasm").stdin(Arrays.copyOf(exact, 1025)).policy(new Policy(0, 0, 0, 1024)));
    assertThat(past.error()).isInstanceOf(OutputLimitException.class);
    assertThat(past.stdout()).hasSize(1024);
  }

  @Test
  void bytesCallResultIsBoundByMaxOutput() {
    assertThat(run(task("c-sha256.wasm").entry(Entry.bytes("sha256", new byte[3])).policy(new Policy(0, 0, 0, 32))).orThrow().output())
        .hasSize(32);
    assertThat(run(task("c-sha256.wasm").entry(Entry.bytes("sha256", new byte[3])).policy(new Policy(0, 0, 0, 31))).error())
        .isInstanceOf(OutputLimitException.class);
  }

  @Test
  void unboundedRecursionIsAStackOverflowTrap() {
    ExecutionResult r = run(task("hostile-recursion.wasm").entry(Entry.typed("run")));
    assertThat(r.error()).isInstanceOf(TrapException.class);
    assertThat(((TrapException) r.error()).trapCode()).isEqualTo("stack_overflow");
  }

  @Test
  void moduleSizeLimitAtTheEdge() {
    try (WasmExecutor small = WasmExecutor.create(options().maxWorkers(1).initialWorkers(0).maxModuleBytes(4096).build())) {
      assertThat(small.register(padded(4096)).size()).isEqualTo(4096);
      assertThatThrownBy(() -> small.register(padded(4097))).isInstanceOf(ModuleTooLargeException.class).hasMessageContaining("4096");
    }
    byte[] tenMiB = padded((int) ExecutorOptions.DEFAULT_MAX_MODULE_BYTES);
    assertThat(executor.register(tenMiB).size()).isEqualTo(10 * 1024 * 1024);
    assertThatThrownBy(() -> executor.register(padded(10 * 1024 * 1024 + 1))).isInstanceOf(ModuleTooLargeException.class);
  }

  @Test
  void policyAboveTheServerMaximumIsRejected() {
    Policy max = executor.options().maxPolicy();
    ExecutionResult r = run(task("wat-add.wasm").entry(Entry.typed("add", i32(1), i32(2))).policy(new Policy(0, 0, max.maxTime() + 1, 0)));
    assertThat(r.error()).isInstanceOf(InvalidTaskException.class).hasMessageContaining("max_time");
  }

  private static ExecutionResult sumTo(long n, long gas) {
    return run(task("wat-loop-sum.wasm").entry(Entry.typed("sum_to", i64(n))).policy(new Policy(0, gas, 0, 0)));
  }

  /** wat-add.wasm followed by a custom section that pads the module to exactly {@code size} bytes. */
  static byte[] padded(int size) {
    byte[] base = Guests.bytes("wat-add.wasm");
    int payload = size - base.length - 1;
    // section id 0, size as LEB128, then name length 1, name "p", padding.
    for (int lebLen = 1; lebLen <= 5; lebLen++) {
      int content = payload - lebLen;
      if (content >= 2 && leb(content).length == lebLen) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(base);
        out.write(0);
        out.writeBytes(leb(content));
        out.write(1);
        out.write('p');
        out.writeBytes(new byte[content - 2]);
        return out.toByteArray();
      }
    }
    throw new IllegalArgumentException("cannot pad to " + size);
  }

  private static byte[] leb(int value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    do {
      int b = value & 0x7f;
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
    return out.toByteArray();
  }
}
