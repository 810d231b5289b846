package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The limits at their edge on modules built the way today's toolchains build them, one per entry mode: gas
 * exactly enough succeeds and one unit less runs out, output exactly at the limit passes and one byte less fails
 * (stdout, or the bytes entry's result),
 * and a memory limit of exactly the initial memory runs while one byte less is refused.
 */
class TodaysToolchainLimitsTest extends ExecutorTestSupport {

  private static final long PAGE = 65536;

  static Stream<Arguments> executions() {
    return Stream.of(
        Arguments.of("c-json-cmd-today.wasm command", (Function<Policy, ExecutionTask.Builder>) p ->
            task("c-json-cmd-today.wasm").stdin(Guests.utf8("{\"a\":2,\"b\":3}")).policy(p)),
        Arguments.of("c-json-run-today.wasm run", (Function<Policy, ExecutionTask.Builder>) p ->
            task("c-json-run-today.wasm").entry(Entry.stdio("run"))
                .stdin(Guests.utf8("{\"op\":\"mul\",\"a\":6,\"b\":7}")).policy(p)),
        Arguments.of("rust-json-cmd-today.wasm command", (Function<Policy, ExecutionTask.Builder>) p ->
            task("rust-json-cmd-today.wasm").stdin(Guests.utf8("{\"values\":[1,2,3,4]}")).policy(p)),
        Arguments.of("as-wasi-wc.wasm command", (Function<Policy, ExecutionTask.Builder>) p ->
            task("as-wasi-wc.wasm").stdin(Guests.utf8("hello world\nfoo\n")).policy(p)),
        Arguments.of("c-add-today.wasm typed apply", (Function<Policy, ExecutionTask.Builder>) p ->
            task("c-add-today.wasm").entry(Entry.typed("apply", i32(2), i32(7), i32(5))).policy(p)),
        Arguments.of("c-proc-text-today.wasm bytes transform", (Function<Policy, ExecutionTask.Builder>) p ->
            task("c-proc-text-today.wasm").entry(Entry.bytes("transform", Guests.utf8("Hello, World!"),
                new byte[] {2, 0, 0, 0})).policy(p)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executions")
  void gasOutputAndMemoryHoldAtTheirEdges(String name, Function<Policy, ExecutionTask.Builder> execution) {
    ExecutionResult free = run(execution.apply(new Policy(16 * 1024 * 1024, 1_000_000_000, 5_000, 1024 * 1024)));
    assertThat(free.success()).as("%s: %s", name, free.error()).isTrue();
    long gas = free.gasUsed();
    long output = Math.max(free.stdout().length, free.output() == null ? 0 : free.output().length);
    assertThat(gas).isPositive();

    assertThat(run(execution.apply(new Policy(0, gas, 5_000, 0))).success()).as("%s at %d gas", name, gas).isTrue();
    ExecutionResult outOfGas = run(execution.apply(new Policy(0, gas - 1, 5_000, 0)));
    assertThat(outOfGas.error()).as(name).isInstanceOf(OutOfGasException.class);
    assertThat(outOfGas.gasUsed()).isEqualTo(gas - 1);

    if (name.contains(" typed ")) {
      assertThat(output).as("a typed call has no output to limit").isZero();
    } else {
      assertThat(run(execution.apply(new Policy(0, 0, 5_000, output))).success()).as("%s at %d bytes", name, output)
          .isTrue();
      assertThat(run(execution.apply(new Policy(0, 0, 5_000, output - 1))).error()).as(name)
          .isInstanceOf(OutputLimitException.class);
    }

    ModuleInfo module = executor.register(Guests.bytes(name.substring(0, name.indexOf(' '))));
    long initial = module.initialMemoryPages() * PAGE;
    ExecutionResult atMemory = run(execution.apply(new Policy(initial, 0, 5_000, 0)));
    assertThat(atMemory.success()).as("%s with max_memory %d: %s", name, initial, atMemory.error()).isTrue();
    assertThat(run(execution.apply(new Policy(initial - 1, 0, 5_000, 0))).error()).as(name)
        .isInstanceOf(MemoryLimitException.class);
  }
}
