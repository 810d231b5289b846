package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static io.wasmhive.executor.WasmValue.f32;
import static io.wasmhive.executor.WasmValue.f64;
import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Each entry mode on real guests of the corpus, with the results guests/MANIFEST.md states. */
class EntryModesTest extends ExecutorTestSupport {

  @Test
  void typedCallsReturnExactNumbers() {
    assertThat(typed("c-add.wasm", "add", i32(2), i32(3)).asInt()).isEqualTo(5);
    assertThat(typed("c-add.wasm", "add", i32(Integer.MAX_VALUE), i32(1)).asInt()).isEqualTo(Integer.MIN_VALUE);
    assertThat(typed("c-add.wasm", "add64", i64(Long.MAX_VALUE), i64(1)).asLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(typed("c-add.wasm", "mulf", f32(1.5f), f32(2.5f)).asFloat()).isEqualTo(3.75f);
    assertThat(typed("c-add.wasm", "calculate_discount", f64(19.99), i32(1)).asDouble()).isEqualTo(18.990499999999997);
    assertThat(typed("c-add.wasm", "fib", i32(90)).asLong()).isEqualTo(2880067194370816120L);
    assertThat(typed("rust-typed.wasm", "calculate_discount", f64(100), i32(2)).asDouble()).isEqualTo(90.0);
    assertThat(typed("rust-typed.wasm", "is_even", i64(Long.MIN_VALUE)).asInt()).isEqualTo(1);
  }

  @Test
  void postMvpFeaturesOfTheDefaultSetWork() {
    assertThat(run(task("wat-multi-value.wasm").entry(Entry.typed("divmod", i32(17), i32(5)))).orThrow().values())
        .containsExactly(i32(3), i32(2));
    assertThat(typed("wat-bulk-memory.wasm", "run").asInt()).isEqualTo(1152);
    assertThat(typed("wat-sign-ext.wasm", "extend16", i32(0x12345)).asInt()).isEqualTo(9029);
    assertThat(typed("wat-sat-trunc.wasm", "trunc_sat", f64(Double.NaN)).asInt()).isZero();
    assertThat(typed("wat-mutable-global-export.wasm", "inc").asInt()).isEqualTo(43);
    assertThat(typed("wat-call-indirect.wasm", "dispatch", i32(2), i32(7), i32(5)).asInt()).isEqualTo(35);
  }

  @Test
  void startSectionRunsOnEveryFreshInstance() {
    assertThat(typed("wat-start.wasm", "get").asInt()).isEqualTo(1234);
    assertThat(typed("wat-start.wasm", "get").asInt()).isEqualTo(1234);
  }

  @Test
  void wasiCommandEchoesStdinAndReportsExitCodes() {
    ExecutionResult echo = run(task("c-echo.wasm").stdin(utf8("{\"k\":\"v\"}"))).orThrow();
    assertThat(utf8(echo.stdout())).isEqualTo("{\"k\":\"v\"}");
    assertThat(echo.exitCode()).isZero();

    ExecutionResult exit = run(task("wat-wasi-exit.wasm")).orThrow();
    assertThat(exit.exitCode()).isEqualTo(3);
    assertThat(utf8(exit.stdout())).isEqualTo("exiting with 3\n");

    ExecutionResult sum = run(task("rust-json-cmd.wasm").stdin(utf8("{\"values\":[1.5,2,\"x\",null,1]}"))).orThrow();
    assertThat(utf8(sum.stdout())).isEqualTo("{\"sum\":4.5,\"count\":3}\n");

    ExecutionResult invalid = run(task("rust-json-cmd.wasm").stdin(utf8("{\"values\": [1,"))).orThrow();
    assertThat(invalid.exitCode()).isEqualTo(2);
    assertThat(invalid.stdout()).isEmpty();
    assertThat(utf8(invalid.stderr())).startsWith("invalid JSON: ");
  }

  @Test
  void runExportReadsJsonAndCallsRpc() {
    AtomicReference<String> seen = new AtomicReference<>();
    ExecutionResult r = run(task("rust-json-run.wasm").entry(Entry.stdio("run"))
        .stdin(utf8("{\"address\":\"0xabc\",\"chainId\":1}\n"))
        .rpcHandler((request, timeout) -> {
          seen.set(utf8(request));
          return utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1bc16d674ec80000\"}");
        })).orThrow();
    assertThat(seen.get()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[\"0xabc\",\"latest\"]}");
    assertThat(utf8(r.stdout())).isEqualTo("{\"balance\":\"0x1bc16d674ec80000\",\"processed\":true}\n");
  }

  @Test
  void rpcFailuresReachTheGuestAsJsonRpcErrors() {
    ExecutionResult r = run(task("c-rpc-run.wasm").entry(Entry.stdio("run"))
        .stdin(utf8("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}\n"))
        .rpcHandler((request, timeout) -> {
          throw new IllegalStateException("node down");
        })).orThrow();
    String out = utf8(r.stdout());
    assertThat(out).startsWith("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{").contains("-32000");
  }

  @Test
  void fileBridgeModulesGetTheirResponseAtTheNextPoll() {
    ExecutionResult r = run(task("c-file-bridge.wasm").entry(Entry.stdio("run"))
        .stdin(utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"))
        .rpcHandler((request, timeout) -> utf8("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}\n"))).orThrow();
    assertThat(utf8(r.stdout())).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}\n");
  }

  @Test
  void bytesCallHashesInput() {
    ExecutionResult r = run(task("c-sha256.wasm").entry(Entry.bytes("sha256", "abc".getBytes(StandardCharsets.US_ASCII)))).orThrow();
    assertThat(HexFormat.of().formatHex(r.output()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(typed("c-sha256.wasm", "sha256_repeat", i32(1024)).asInt()).isEqualTo(471184948);
  }

  @Test
  void bytesCallsTakeSeveralParametersAndReturnText() {
    byte[] three = {3, 0, 0, 0};
    ExecutionResult r = run(task("c-proc-text.wasm").entry(Entry.bytes("repeat", utf8("ab"), three))).orThrow();
    assertThat(utf8(r.output())).isEqualTo("ababab");
    assertThat(utf8(run(task("c-proc-text.wasm").entry(Entry.bytes("greet", utf8("Ada")))).orThrow().output()))
        .isEqualTo("Hello, Ada!");
    ExecutionResult json = run(task("rust-proc-json.wasm").entry(Entry.bytes("order_total",
        utf8("{\"items\":[{\"price\":12.5,\"qty\":2},{\"price\":5,\"qty\":1}],\"discount_pct\":10}")))).orThrow();
    assertThat(utf8(json.output())).isEqualTo("{\"items\":2,\"subtotal\":30.0,\"total\":27.0}");
  }

  @Test
  void registrationTellsWhetherTheModuleExportsItsMemory() {
    assertThat(executor.register(Guests.bytes("c-proc-text.wasm")).exportsMemory()).isTrue();
    assertThat(executor.register(Guests.bytes("wat-add.wasm")).exportsMemory()).isFalse();
  }

  @Test
  void deterministicExecutionsSeeIdenticalClocksAndRandomness() {
    String first = probe("replay-1", true);
    assertThat(probe("replay-1", true)).isEqualTo(first);
    assertThat(probe("replay-2", true)).isNotEqualTo(first);
    assertThat(probe("live-1", false)).isNotEqualTo(probe("live-1", false));
    assertThat(first).startsWith("{\"argc\":3,\"argv\":[\"main.wasm\",\"a b\",\"x\\\"y\"],\"probe\":\"value-1\"").endsWith("\"stdin_len\":5}\n");
  }

  @Test
  void invalidArgumentsAndEnvironmentAreTheCallersError() {
    ExecutionResult nul = run(task("c-wasi-probe.wasm").args(List.of("a\0b")));
    assertThat(nul.error()).isInstanceOf(InvalidTaskException.class).hasMessageContaining("NUL");
    assertThat(nul.error().retryable()).isFalse();
    ExecutionResult badName = run(task("c-wasi-probe.wasm").env("A=B", "x"));
    assertThat(badName.error()).isInstanceOf(InvalidTaskException.class).hasMessageContaining("A=B");
  }

  private static String probe(String id, boolean deterministic) {
    return utf8(run(task("c-wasi-probe.wasm").id(id).deterministic(deterministic).args(List.of("a b", "x\"y"))
        .env("PROBE", "value-1").stdin(utf8("hello"))).orThrow().stdout());
  }

  private static WasmValue typed(String guest, String export, WasmValue... args) {
    return run(task(guest).entry(Entry.typed(export, args))).orThrow().value();
  }
}
