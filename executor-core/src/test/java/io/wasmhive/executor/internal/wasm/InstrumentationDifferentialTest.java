package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.WasmValue.f32;
import static io.wasmhive.executor.WasmValue.f64;
import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.Guests;
import io.wasmhive.executor.TrapException;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.GuestExit;
import io.wasmhive.executor.engine.GuestMemory;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.HostFunction;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.host.HostEnvironment;
import io.wasmhive.executor.internal.host.RpcCalls;
import io.wasmhive.executor.internal.host.HostSettings;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Instrumentation changes nothing a guest can observe: every non-hostile corpus module runs on Wasmtime
 * as original bytes and as instrumented bytes (limits set first, the start function called through
 * {@link Instrumentation#START}), and both must give the same results, traps, stdio, exit code and final
 * linear memory. The instrumented run is repeated three times and must use exactly the same gas each time.
 */
class InstrumentationDifferentialTest {

  private static final long GAS = 1L << 50;
  private static final int PAGE_CAP = 65536;
  private static final long PAGE = 65536;
  private static final Set<String> NOT_MODULES = Set.of("malformed.wasm", "not-wasm.bin");
  /** Exports no case calls directly: the reactor initializer (called before every case) and rustc's main. */
  private static final Set<String> NOT_CALLED = Set.of("c-sha256.wasm#_initialize", "c-rpc-run.wasm#_initialize",
      "c-file-bridge.wasm#_initialize", "rust-json-cmd.wasm#main", "c-json-run-today.wasm#_initialize",
      "c-rpc-run-today.wasm#_initialize", "rust-json-cmd-today.wasm#main", "wf-balance-rpc.wasm#_initialize",
      "derive-hello.wasm#_initialize", "derive-hello-today.wasm#_initialize", "derive-game.wasm#_initialize",
      "derive-game-today.wasm#_initialize",
      // Never return by design (the workflow verdict tests' timeout and output limit): run by workflow-service.
      "wf-spin.wasm#run", "wf-flood.wasm#run",
      // An empty function: it costs no gas, so there is nothing to compare.
      "wf-silent.wasm#run");

  private static WasmtimeEngine engine;
  private static final RpcCalls RPC_CALLS = new RpcCalls();
  private static final Map<String, EngineModule> compiled = new HashMap<>();

  @BeforeAll
  static void startEngine() {
    engine = new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024, Duration.ofMillis(2),
        256, 64L << 20));
  }

  @AfterAll
  static void closeEngine() {
    compiled.values().forEach(EngineModule::close);
    compiled.clear();
    engine.releaseThreadResources();
    engine.close();
    RPC_CALLS.close();
  }

  // ---- the table ------------------------------------------------------------------------------

  static List<Case> cases() {
    Random random = new Random(20240101);
    byte[] noise = new byte[100 * 1024 + 17];
    random.nextBytes(noise);
    String blockNumber = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";
    String chainId = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]}";
    String balance = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1bc16d674ec80000\"}";
    String erc20Query = "{\"token\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\","
        + "\"holder\":\"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266\",\"chainId\":31337}";
    String erc20Word = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + "0".repeat(47) + "1" + "0".repeat(16) + "\"}";
    return List.of(
        new Case("c-add.wasm", "typed")
            .call("i32:5", "add", i32(2), i32(3))
            .call("i32:-2147483648", "add", i32(Integer.MAX_VALUE), i32(1))
            .call("i64:-9223372036854775808", "add64", i64(Long.MAX_VALUE), i64(1))
            .call("f32:3.75", "mulf", f32(1.5f), f32(2.5f))
            .call("f64:95.0", "calculate_discount", f64(100), i32(1))
            .call("f64:90.0", "calculate_discount", f64(100), i32(2))
            .call("f64:85.0", "calculate_discount", f64(100), i32(3))
            .call("f64:100.0", "calculate_discount", f64(100), i32(0))
            .call("f64:100.0", "calculate_discount", f64(100), i32(4))
            .call("f64:18.990499999999997", "calculate_discount", f64(19.99), i32(1))
            .call("f64:16.9915", "calculate_discount", f64(19.99), i32(3))
            .call("i64:0", "fib", i32(0))
            .call("i64:1", "fib", i32(1))
            .call("i64:55", "fib", i32(10))
            .call("i64:12586269025", "fib", i32(50))
            .call("i64:2880067194370816120", "fib", i32(90))
            .call("i64:0", "fib", i32(-3))
            .call(null, "fib", i32(200))
            .call("i32:3", "div", i32(7), i32(2))
            .call("i32:-3", "div", i32(-7), i32(2))
            .call("trap:INTEGER_DIVISION_BY_ZERO", "div", i32(1), i32(0))
            .call("trap:INTEGER_OVERFLOW", "div", i32(Integer.MIN_VALUE), i32(-1))
            .call("i32:5", "add", i32(2), i32(3)),
        new Case("c-echo.wasm", "json").stdin("{\"k\":\"v\"}").call("ok", "_start").stdout("{\"k\":\"v\"}"),
        new Case("c-echo.wasm", "empty").call("ok", "_start").stdout(""),
        new Case("c-echo.wasm", "100KiB-binary").stdin(noise).call("ok", "_start").stdout(noise),
        new Case("c-file-bridge.wasm", "block-number").stdin(blockNumber)
            .rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}\n").call("ok", "run")
            .stdout("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}\n"),
        new Case("c-file-bridge.wasm", "empty-input").stdin("\n").call("ok", "run").stdout("{\"error\":\"empty input\"}\n"),
        new Case("c-grow.wasm", "steps")
            .call("i32:2", "size").call("i32:2", "grow", i32(1)).call("i32:3", "size")
            .call("i32:3", "grow", i32(0)).call("i32:-1", "grow", i32(70000)).call("i32:3", "size"),
        // 65536 pages = 4 GiB, which the host cannot read as one buffer (BufferMemory reports size 0):
        // results and gas are compared, memory is not.
        new Case("c-grow.wasm", "until-fail").call("i32:65536", "grow_until_fail").call("i32:65536", "size")
            .memoryNotComparable(),
        new Case("c-rpc-run.wasm", "chain-id").stdin(chainId + "\n")
            .rpc("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}").call("ok", "run").call(null, "alloc", i32(16))
            .stdout("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}\n"),
        new Case("c-rpc-run.wasm", "empty-input").stdin("\r\n").call("ok", "run").stdout("{\"error\":\"empty input\"}\n"),
        new Case("c-sha256-cmd.wasm", "abc").stdin("abc").call("ok", "_start")
            .stdout("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n"),
        new Case("c-sha256-cmd.wasm", "100KiB").stdin(noise).call("ok", "_start").stdout(sha256Hex(noise) + "\n"),
        new Case("c-sha256.wasm", "typed-and-bytes")
            .bytes("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256", "abc".getBytes(StandardCharsets.US_ASCII))
            .bytes("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256", new byte[0])
            .bytes(sha256Hex(noise), "sha256", noise)
            .call("i32:-1253149976", "sha256_repeat", i32(1))
            .call("i32:-474954686", "sha256_repeat", i32(0))
            .call("i32:471184948", "sha256_repeat", i32(1024))
            .call("i32:471184948", "sha256_repeat", i32(1024)),
        new Case("c-proc-text.wasm", "text-bytes")
            .bytes(hex("Hello, Ada!"), "greet", utf8("Ada"))
            .bytes("ff0201", "reverse", new byte[] {1, 2, (byte) 0xff})
            .bytes(hex("ababab"), "repeat", utf8("ab"), new byte[] {3, 0, 0, 0})
            .bytes("", "repeat", utf8("ab"), new byte[] {-1, -1, -1, -1})
            .bytes(hex("x".repeat(200_000)), "repeat", utf8("x".repeat(1000)), new byte[] {(byte) 200, 0, 0, 0})
            .bytes("trap:UNREACHABLE", "repeat", utf8("ab"), new byte[] {3, 0, 0}),
        new Case("c-state.wasm", "typed")
            .call("i32:0", "peek_buf").call("i32:1", "bump").call("i32:1", "peek_buf")
            .call("i32:2", "bump").call("i32:2", "peek_buf"),
        new Case("c-wasi-probe.wasm", "probe").args("a b", "x\"y").env("PROBE", "value-1").stdin("hello")
            .call("ok", "_start").stdoutMatching("\\{\"argc\":3,\"argv\":\\[\"main\\.wasm\",\"a b\",\"x\\\\\"y\"\\],"
                + "\"probe\":\"value-1\",\"clock1\":\\d+,\"clock2\":\\d+,\"random\":\"[0-9a-f]{16}\",\"stdin_len\":5\\}\n"),
        new Case("instr-compute.wasm", "kernels")
            .call("i32:55", "fib", i32(10)).call("i64:55", "sum_to", i64(10)).call("i64:0", "sum_to", i64(-1))
            .call("i32:111", "collatz", i32(27)).call("i32:-1", "collatz", i32(0))
            .call("i32:100", "classify", i32(0)).call("i32:200", "classify", i32(1))
            .call("i32:300", "classify", i32(2)).call("i32:300", "classify", i32(9))
            .call("i32:12", "apply", i32(0), i32(7), i32(5)).call("i32:2", "apply", i32(1), i32(7), i32(5))
            .call("i32:35", "apply", i32(2), i32(7), i32(5))
            .call("trap:TABLE_OUT_OF_BOUNDS", "apply", i32(3), i32(7), i32(5))
            .call("i32:3", "div", i32(7), i32(2)).call("trap:INTEGER_DIVISION_BY_ZERO", "div", i32(7), i32(0))
            .call("i32:3,i32:2", "divmod", i32(17), i32(5))
            .call(null, "memsum", i32(5)).call("ok", "fill", i32(300)).call(null, "memsum", i32(9))
            .call("i64:-125", "conv", i32(0x80), f64(3.7))
            .call("i32:1", "grow", i32(1)).call("i32:2", "size").call("i32:-1", "grow", i32(20))
            .call("i32:2", "size").call("i32:2", "dead", i32(0)).call("i32:7", "dead", i32(5)),
        new Case("instr-nomem.wasm", "square").call("i64:49", "square", i64(7)).call(null, "square", i64(3037000500L)),
        new Case("instr-start.wasm", "start").call("i32:42", "get"),
        new Case("progress.wasm", "reports").call("i32:5", "main", i32(4), i32(0))
            .call("i32:21", "main", i32(20), i32(1000))
            .call("trap:INTEGER_DIVISION_BY_ZERO", "main", i32(0), i32(0)),
        new Case("rust-json-cmd.wasm", "ints").stdin("{\"values\":[1,2,3,4]}").call(null, "_start")
            .stdout("{\"sum\":10,\"count\":4}\n"),
        new Case("rust-json-cmd.wasm", "mixed").stdin("{\"values\":[1.5,2,\"x\",null,1]}").call(null, "_start")
            .stdout("{\"sum\":4.5,\"count\":3}\n"),
        new Case("rust-json-cmd.wasm", "overflow").stdin("{\"values\":[9223372036854775807,1]}").call(null, "_start")
            .stdout("{\"sum\":9.223372036854776e18,\"count\":2}\n"),
        new Case("rust-json-cmd.wasm", "invalid").stdin("{\"values\": [1,").call("exit:2", "_start").stdout("")
            .stderrMatching("invalid JSON: .*"),
        new Case("rust-json-run.wasm", "balance").stdin("{\"address\":\"0xabc\",\"chainId\":1}\n").rpc(balance)
            .call("ok", "run").call(null, "alloc", i32(16))
            .stdout("{\"balance\":\"0x1bc16d674ec80000\",\"processed\":true}\n"),
        new Case("rust-json-run.wasm", "rpc-error").stdin("{\"address\":\"0xabc\"}\n")
            .rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"message\":\"boom\",\"code\":-32000}}").call("ok", "run")
            .stdout("{\"error\":{\"code\":-32000,\"message\":\"boom\"},\"processed\":false}\n"),
        new Case("rust-proc-json.wasm", "json")
            .bytes(hex("{\"items\":2,\"subtotal\":30.0,\"total\":27.0}"), "order_total",
                utf8("{\"items\":[{\"price\":12.5,\"qty\":2},{\"price\":5,\"qty\":1}],\"discount_pct\":10}"))
            .bytes(hex("{\"error\":\"order is not JSON\"}"), "order_total", utf8("{"))
            .bytes(hex("{\"adult\":true,\"age\":36,\"name\":\"Ada\"}"), "describe", utf8("Ada"),
                new byte[] {36, 0, 0, 0}),
        new Case("rust-json-run.wasm", "invalid-input").stdin("not json\n").call("ok", "run")
            .stdout("{\"error\":\"invalid input JSON\",\"processed\":false}\n"),
        new Case("rust-typed.wasm", "typed")
            .call("f64:95.0", "calculate_discount", f64(100), i32(1))
            .call("f64:90.0", "calculate_discount", f64(100), i32(2))
            .call("f64:85.0", "calculate_discount", f64(100), i32(3))
            .call("f64:100.0", "calculate_discount", f64(100), i32(9))
            .call("f64:18.990499999999997", "calculate_discount", f64(19.99), i32(1))
            .call("i32:1", "is_even", i64(4)).call("i32:0", "is_even", i64(7)).call("i32:1", "is_even", i64(0))
            .call("i32:0", "is_even", i64(-3)).call("i32:1", "is_even", i64(Long.MIN_VALUE)),
        new Case("wat-assemblyscript.wasm", "env").call(null, "seed").call("ok", "trace", i32(1152), i32(2))
            .call("trap:abort", "abort", i32(1024), i32(1088), i32(12), i32(5))
            .call("trap:abort", "abort_long", i32(5000)).stderrMatching("trace: progress 1\\.5, 2\n"),
        new Case("wat-add.wasm", "typed").call("i32:42", "add", i32(40), i32(2))
            .call("i32:-2147483648", "add", i32(Integer.MAX_VALUE), i32(1)),
        new Case("wat-bulk-memory.wasm", "typed")
            .call("i32:1152", "run").call("i32:1152", "checksum", i32(0), i32(1024))
            .call("ok", "fill", i32(2000), i32(9), i32(10)).call("ok", "copy", i32(3000), i32(2000), i32(10))
            .call("i32:90", "checksum", i32(3000), i32(10))
            .call("trap:MEMORY_OUT_OF_BOUNDS", "fill", i32(65530), i32(1), i32(10))
            .call("trap:MEMORY_OUT_OF_BOUNDS", "copy", i32(0), i32(65530), i32(10))
            .call("i32:0", "checksum", i32(65530), i32(6)),
        new Case("wat-call-indirect.wasm", "typed")
            .call("i32:12", "dispatch", i32(0), i32(7), i32(5)).call("i32:2", "dispatch", i32(1), i32(7), i32(5))
            .call("i32:35", "dispatch", i32(2), i32(7), i32(5))
            .call("trap:BAD_SIGNATURE", "dispatch", i32(3), i32(7), i32(5))
            .call("trap:INDIRECT_CALL_TO_NULL", "dispatch", i32(4), i32(7), i32(5))
            .call("trap:TABLE_OUT_OF_BOUNDS", "dispatch", i32(5), i32(7), i32(5))
            .call("trap:TABLE_OUT_OF_BOUNDS", "dispatch", i32(-1), i32(7), i32(5)),
        new Case("wat-data-drop.wasm", "typed")
            .call("i32:1111", "init_then_drop").call("i32:104", "peek")
            .call("trap:MEMORY_OUT_OF_BOUNDS", "init_then_drop"),
        new Case("wat-loop-sum.wasm", "typed")
            .call("i64:55", "sum_to", i64(10)).call("i64:500000500000", "sum_to", i64(1_000_000))
            .call("i64:0", "sum_to", i64(0)).call("i64:0", "sum_to", i64(-5)),
        new Case("wat-multi-value.wasm", "typed")
            .call("i32:3,i32:2", "divmod", i32(17), i32(5)).call("i32:2,i32:1", "swap", i32(1), i32(2))
            .call("i32:42", "sum_pair", i32(20), i32(22))
            .call("trap:INTEGER_DIVISION_BY_ZERO", "divmod", i32(1), i32(0)),
        new Case("wat-mutable-global-export.wasm", "typed")
            .call("i32:42", "get").call("i32:43", "inc").call("i32:43", "get").call("i32:44", "inc"),
        new Case("wat-nan.wasm", "typed")
            .call("i32:2143289344", "f32_add", i32(2141192193), i32(1065353216))
            .call("i64:9221120237041090560", "f64_add", i64(9219994337134247937L), i64(4607182418800017408L))
            .call("i32:2143289344", "f32_sub", i32(2141192193), i32(1065353216))
            .call("i64:9221120237041090560", "f64_sub", i64(9219994337134247937L), i64(4607182418800017408L))
            .call("i32:2143289344", "f32_mul", i32(2141192193), i32(1065353216))
            .call("i64:9221120237041090560", "f64_mul", i64(9219994337134247937L), i64(4607182418800017408L))
            .call("i32:2143289344", "f32_div", i32(2141192193), i32(1065353216))
            .call("i64:9221120237041090560", "f64_div", i64(9219994337134247937L), i64(4607182418800017408L))
            .call("i32:2143289344", "f32_min", i32(2141192193), i32(1065353216))
            .call("i64:9221120237041090560", "f64_min", i64(9219994337134247937L), i64(4607182418800017408L))
            .call("i32:2143289344", "f32_max", i32(2141192193), i32(1065353216))
            .call("i64:9221120237041090560", "f64_max", i64(9219994337134247937L), i64(4607182418800017408L))
            .call("i32:2143289344", "f32_div", i32(0), i32(0))
            .call("i64:9221120237041090560", "f64_div", i64(0), i64(0))
            .call("i32:2143289344", "f32_sqrt", i32(-4119739))
            .call("i64:9221120237041090560", "f64_sqrt", i64(-3377699720527871L))
            .call("i32:2143289344", "f32_ceil", i32(-4119739))
            .call("i64:9221120237041090560", "f64_ceil", i64(-3377699720527871L))
            .call("i32:2143289344", "f32_floor", i32(-4119739))
            .call("i64:9221120237041090560", "f64_floor", i64(-3377699720527871L))
            .call("i32:2143289344", "f32_trunc", i32(-4119739))
            .call("i64:9221120237041090560", "f64_trunc", i64(-3377699720527871L))
            .call("i32:2143289344", "f32_nearest", i32(-4119739))
            .call("i64:9221120237041090560", "f64_nearest", i64(-3377699720527871L))
            .call("i32:2143289344", "f32_sqrt", i32(-1082130432))
            .call("i32:2142240770", "f32_abs", i32(-5242878))
            .call("i32:-6291455", "f32_neg", i32(2141192193))
            .call("i32:-6291455", "f32_copysign", i32(2141192193), i32(-1082130432))
            .call("i64:9219994337134247937", "f64_abs", i64(-3377699720527871L))
            .call("i64:-3377699720527871", "f64_neg", i64(9219994337134247937L))
            .call("i64:-3377699720527871", "f64_copysign", i64(9219994337134247937L), i64(-9223372036854775808L))
            .call("i32:2145386496", "f32_demote", i64(9219994337134247937L))
            .call("i64:9222246137484804096", "f64_promote", i32(2141192193))
            .call("i32:2141192193", "f32_through_memory", i32(2141192193))
            .call("i32:1073741824", "f32_add", i32(1065353216), i32(1065353216)),
        new Case("wat-sat-trunc.wasm", "typed")
            .call("i32:3", "trunc_sat", f64(3.7)).call("i32:-3", "trunc_sat", f64(-3.7))
            .call("i32:2147483647", "trunc_sat", f64(1e10)).call("i32:-2147483648", "trunc_sat", f64(-1e10))
            .call("i32:0", "trunc_sat", f64(Double.NaN))
            .call("i32:0", "trunc_sat_u", f32(-5f)).call("i32:-1", "trunc_sat_u", f32(5e9f))
            .call("i32:42", "trunc_sat_u", f32(42.9f))
            .call("i32:3", "trunc", f64(3.7)).call("trap:INTEGER_OVERFLOW", "trunc", f64(1e10))
            .call("trap:BAD_CONVERSION_TO_INTEGER", "trunc", f64(Double.NaN)),
        new Case("wat-sign-ext.wasm", "typed")
            .call("i32:-128", "extend8", i32(0x80)).call("i32:127", "extend8", i32(0x7f))
            .call("i32:-1", "extend8", i32(0x1ff)).call("i32:-32768", "extend16", i32(0x8000))
            .call("i32:9029", "extend16", i32(0x12345))
            .call("i64:-2147483648", "extend32_64", i64(0x80000000L))
            .call("i64:2147483647", "extend32_64", i64(0x17fffffffL)),
        new Case("wat-start.wasm", "start").call("i32:1234", "get").call("i32:1234", "get"),
        new Case("wat-trap-unreachable.wasm", "typed").call("i32:1", "ok").call("trap:UNREACHABLE", "run")
            .call("i32:1", "ok"),
        new Case("wat-wasi-exit.wasm", "command").call("exit:3", "_start").stdout("exiting with 3\n"),
        // The db imports without a database (NO_DATABASE = -6; "this execution has no database" is 30 bytes); the
        // message entry is the bytes ABI with an i32 result. query_bad_alloc breaks alloc for good: it comes last.
        new Case("wat-db.wasm", "no-database")
            .call("i32:0", "error_none")
            .bytes("i32:-6", "reduce", utf8("INSERT INTO t VALUES (?, ?)"))
            .bytes("i32:-6", "query_msg", utf8("SELECT 1"))
            .bytes("i32:-6", "params_msg", utf8("[1]"))
            .bytes("i32:30", "error_msg", utf8("SELECT 1"))
            .bytes("", "reduce_i64", utf8("x"))
            .call("trap:bad_pointer", "bad_sql_ptr").call("trap:bad_pointer", "edge_sql")
            .call("trap:bad_pointer", "bad_params_ptr").call("trap:bad_pointer", "bad_out_ptr")
            .call("trap:bad_pointer", "edge_out_ptr").call("trap:bad_pointer", "bad_error_buf")
            .call("i32:30", "error_zero_cap").call("i32:-6", "exec_edge")
            .bytes("i32:-6", "query_bad_alloc", utf8("SELECT 1")),
        new Case("wat-db-noalloc.wasm", "no-database").call("i32:-6", "query").call("i32:0", "reduce", i32(0), i32(0)),
        new Case("wat-db-badalloc.wasm", "no-database").call("i64:4096", "alloc", i64(8)).call("i32:-6", "query")
            .call("i32:0", "reduce", i32(0), i32(0)),
        new Case("derive-hello.wasm", "no-database").bytes("i32:-6", "reduce", utf8("{\"text\":\"hi\"}"))
            .bytes("i32:2", "reduce", utf8("{\"text\":1}")),
        new Case("derive-hello-today.wasm", "no-database").bytes("i32:-6", "reduce", utf8("{\"text\":\"hi\"}"))
            .bytes("i32:2", "reduce", utf8("{\"text\":1}")),
        new Case("rust-derive-template.wasm", "no-database").bytes("i32:-6", "reduce", utf8("{\"text\":\"hi\"}"))
            .bytes("i32:2", "reduce", utf8("{\"text\":1}")),
        new Case("rust-derive-template-today.wasm", "no-database")
            .bytes("i32:-6", "reduce", utf8("{\"text\":\"hi\"}")).bytes("i32:2", "reduce", utf8("{\"text\":1}")),
        gameCase("derive-game.wasm"),
        gameCase("derive-game-today.wasm"),
        // Built the way today's toolchains build (reference types, padded call_indirect, bulk memory...).
        new Case("c-add-today.wasm", "typed")
            .call("i32:5", "add", i32(2), i32(3)).call("i64:-9223372036854775808", "add64", i64(Long.MAX_VALUE), i64(1))
            .call("f32:3.75", "mulf", f32(1.5f), f32(2.5f)).call("f64:90.0", "calculate_discount", f64(100), i32(2))
            .call("f64:18.990499999999997", "calculate_discount", f64(19.99), i32(1))
            .call("i64:55", "fib", i32(10)).call("i32:-3", "div", i32(-7), i32(2))
            .call("trap:INTEGER_DIVISION_BY_ZERO", "div", i32(1), i32(0))
            .call("i32:12", "apply", i32(0), i32(7), i32(5)).call("i32:2", "apply", i32(1), i32(7), i32(5))
            .call("i32:35", "apply", i32(2), i32(7), i32(5)).call("i32:-7", "apply", i32(3), i32(-7), i32(5))
            .call("i32:0", "apply", i32(4), i32(7), i32(5)).call("i32:0", "apply", i32(-1), i32(7), i32(5))
            .call("i32:3", "trunc_sat", f64(3.7)).call("i32:2147483647", "trunc_sat", f64(1e10))
            .call("i32:0", "trunc_sat", f64(Double.NaN)).call("i32:-128", "sext8", i32(0x80))
            .call("ok", "fill", i32(70000), i32(7), i32(100)).call("ok", "copy", i32(80000), i32(70000), i32(50))
            .call("i32:1050", "checksum", i32(70000), i32(20000))
            .call("trap:MEMORY_OUT_OF_BOUNDS", "fill", i32(131062), i32(1), i32(11))
            .call("i32:0", "checksum", i32(131062), i32(10))
            .call("trap:MEMORY_OUT_OF_BOUNDS", "copy", i32(0), i32(131070), i32(4)),
        new Case("c-proc-text-today.wasm", "text-bytes")
            .bytes(hex("Hello, Ada!"), "greet", utf8("Ada"))
            .bytes("ff0201", "reverse", new byte[] {1, 2, (byte) 0xff})
            .bytes(hex("ababab"), "repeat", utf8("ab"), new byte[] {3, 0, 0, 0})
            .bytes(hex("HELLO, WORLD! 123"), "transform", utf8("Hello, World! 123"), new byte[] {0, 0, 0, 0})
            .bytes(hex("hello, world! 123"), "transform", utf8("Hello, World! 123"), new byte[] {1, 0, 0, 0})
            .bytes(hex("Uryyb, Jbeyq! 123"), "transform", utf8("Hello, World! 123"), new byte[] {2, 0, 0, 0})
            .bytes("trap:UNREACHABLE", "transform", utf8("x"), new byte[] {3, 0, 0, 0}),
        new Case("c-json-cmd-today.wasm", "sum").stdin("{\"a\":2,\"b\":3}").call("ok", "_start")
            .stdout("{\"sum\":5,\"product\":6}\n"),
        new Case("c-json-cmd-today.wasm", "wrapping").stdin("{\"a\":9223372036854775807,\"b\":1}")
            .call("ok", "_start")
            .stdout("{\"sum\":-9223372036854775808,\"product\":9223372036854775807}\n"),
        new Case("c-json-cmd-today.wasm", "invalid").stdin("{\"a\":1.5}").call("exit:2", "_start")
            .stdout("{\"error\":\"invalid JSON\"}\n"),
        new Case("c-json-run-today.wasm", "mul").stdin("{\"op\":\"mul\",\"a\":6,\"b\":7}").call("ok", "run")
            .stdout("{\"op\":\"mul\",\"result\":42}\n"),
        new Case("c-json-run-today.wasm", "div-by-zero").stdin("{\"op\":\"div\",\"a\":1,\"b\":0}").call("ok", "run")
            .stdout("{\"error\":\"division by zero\"}\n"),
        new Case("c-rpc-run-today.wasm", "chain-id").stdin("{\"method\":\"eth_chainId\",\"id\":7}")
            .rpc("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}").call("ok", "run").call(null, "alloc", i32(16))
            .stdout("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}\n"),
        new Case("rust-json-cmd-today.wasm", "ints").stdin("{\"values\":[1,2,3,4]}").call(null, "_start")
            .stdout("{\"sum\":10,\"count\":4}\n"),
        new Case("rust-json-cmd-today.wasm", "invalid").stdin("{\"values\": [1,").call("exit:2", "_start").stdout("")
            .stderrMatching("invalid JSON: .*"),
        new Case("rust-json-run-today.wasm", "balance").stdin("{\"address\":\"0xabc\",\"chainId\":1}\n").rpc(balance)
            .call("ok", "run").call(null, "alloc", i32(16))
            .stdout("{\"balance\":\"0x1bc16d674ec80000\",\"processed\":true}\n"),
        // The workflow guests (workflow-service's WebAssembly steps): an ERC-20 balance of 2^64, past one i64.
        new Case("wf-balance-rpc.wasm", "balance").stdin(erc20Query).rpc(erc20Word).call("ok", "run")
            .call(null, "alloc", i32(16)).stdout("{\"value\":\"18446744073709551616\"}\n"),
        new Case("wf-balance-bridge.wasm", "balance").stdin(erc20Query + "\n").rpc(erc20Word).call("ok", "run")
            .stdout("{\"value\":\"18446744073709551616\"}\n"),
        new Case("wf-print-value.wasm", "value").call("ok", "run")
            .stdout("{\"ok\":true,\"result\":{\"value\":\"1000000000000000000\",\"source\":\"eth_getBalance\"}}\n"),
        new Case("wf-echo-stdin.wasm", "echo").stdin("{\"k\":[1,2]}\n").call("ok", "run").stdout("{\"k\":[1,2]}\n"),
        new Case("wf-echo-stderr.wasm", "echo").stdin("\"e\"\n").call("ok", "run").stdout("\"e\"\n")
            .stderrMatching(Pattern.quote("\"e\"\n")),
        new Case("wf-skip-remaining.wasm", "skip").call("ok", "run")
            .stdout("{\"skipRemainingSteps\":true,\"reason\":\"balance below threshold\"}\n"),
        new Case("wf-blank-lines.wasm", "blank").call("ok", "run").stdout("\n   \r\n\t\n"),
        new Case("wf-not-json.wasm", "text").call("ok", "run").stdout("hello\n{\"ok\":true}\n"),
        new Case("wf-exit-3.wasm", "exit").call("exit:3", "run").stdout("")
            .stderrMatching(Pattern.quote("balance: input has no address\n")),
        new Case("wf-trap.wasm", "trap").call("trap:UNREACHABLE", "run").stdout("{\"partial\":true}\n"),
        new Case("wat-multi-table.wasm", "typed")
            .call("i32:12", "dispatch0", i32(0), i32(7), i32(5)).call("i32:2", "dispatch0", i32(1), i32(7), i32(5))
            .call("trap:TABLE_OUT_OF_BOUNDS", "dispatch0", i32(2), i32(7), i32(5))
            .call("i32:35", "dispatch1", i32(0), i32(7), i32(5)).call("i32:2", "dispatch1", i32(1), i32(7), i32(5))
            .call("i32:12", "dispatch1", i32(2), i32(7), i32(5))
            .call("trap:INDIRECT_CALL_TO_NULL", "dispatch1", i32(3), i32(7), i32(5))
            .call("trap:TABLE_OUT_OF_BOUNDS", "dispatch1", i32(4), i32(7), i32(5)).call("i32:24", "sizes"),
        new Case("wat-elem-segments.wasm", "typed")
            .call("i32:10", "call", i32(0)).call("trap:INDIRECT_CALL_TO_NULL", "call", i32(1))
            .call("i32:0", "is_null", i32(0)).call("i32:1", "is_null", i32(3))
            .call("trap:TABLE_OUT_OF_BOUNDS", "is_null", i32(4))
            .call("i32:2030", "init").call("trap:TABLE_OUT_OF_BOUNDS", "init").call("i32:40", "declared"),
        new Case("wat-table-ops.wasm", "get_set").call("i32:1", "get_set"),
        new Case("wat-table-ops.wasm", "size").call("i32:3", "size"),
        new Case("wat-table-ops.wasm", "grow").call("i32:352", "grow"),
        new Case("wat-table-ops.wasm", "grow_past_max").call("i32:-1", "grow_past_max"),
        new Case("wat-table-ops.wasm", "fill").call("i32:6", "fill"),
        new Case("wat-table-ops.wasm", "copy").call("i32:112", "copy"),
        new Case("wat-table-ops.wasm", "init").call("i32:34", "init"),
        new Case("wat-table-ops.wasm", "drop_then_init").call("i32:1", "drop_then_init"),
        new Case("wat-table-ops.wasm", "drop_then_init1").call("trap:TABLE_OUT_OF_BOUNDS", "drop_then_init1"),
        new Case("wat-table-ops.wasm", "null_checks").call("i32:101", "null_checks")
            .call("i32:1", "select_ref", i32(1)).call("i32:2", "select_ref", i32(0)).call("i32:31", "externs"),
        new Case("wat-extended-const.wasm", "typed")
            .call("i32:42", "a").call("i64:42", "b").call("i64:999999999999", "c")
            .call("i32:104", "load", i32(1040)).call("i32:105", "load", i32(1041)).call("i32:0", "load", i32(1039))
            .call("i32:7", "call", i32(1)).call("trap:INDIRECT_CALL_TO_NULL", "call", i32(0))
            .call("trap:TABLE_OUT_OF_BOUNDS", "call", i32(2)),
        new Case("as-math.wasm", "typed")
            .call("i32:5", "add", i32(2), i32(3)).call("i32:-2147483648", "add", i32(Integer.MAX_VALUE), i32(1))
            .call("f64:95.0", "calculate_discount", f64(100), i32(1))
            .call("f64:18.990499999999997", "calculate_discount", f64(19.99), i32(1))
            .call("f64:5.0", "hypot", f64(3), f64(4)).call("f64:1.4142135623730952E300", "hypot", f64(1e300), f64(1e300))
            .call("i32:3", "to_i32", f64(3.7)).call("i32:-2147483648", "to_i32", f64(-1e10))
            .call("i32:0", "to_i32", f64(Double.NaN)).call("i32:-128", "low_byte", i32(0x80))
            .call("i32:127", "low_byte", i32(0x17f))
            // Its memory has 0 pages: there is nothing to compare.
            .memoryNotComparable(),
        new Case("as-abort.wasm", "abort").call("i32:42", "checked_double", i32(21))
            .call("trap:abort", "checked_double", i32(-1)).call("i32:-3", "safe_div", i32(-7), i32(2))
            .call("trap:abort", "safe_div", i32(1), i32(0)).call("i32:42", "checked_double", i32(21)),
        // The seed comes from the execution id, the same on both sides: the rolls must agree, whatever they are.
        new Case("as-random.wasm", "seeded").call(null, "roll").call(null, "roll").call(null, "roll")
            .call(null, "sample").memoryNotComparable(), // 0 pages: nothing to compare
        new Case("as-trace.wasm", "trace").call("f64:42.0", "run", f64(41))
            .stderrMatching("trace: msg 1\\.5, 2\\.5\ntrace: x 41\n"),
        new Case("as-wasi-wc.wasm", "wc").stdin("hello world\nfoo\n").call("ok", "_start")
            .stdout("{\"bytes\":16,\"lines\":2,\"words\":3}\n"),
        new Case("as-wasi-wc.wasm", "empty").call("ok", "_start").stdout("{\"bytes\":0,\"lines\":0,\"words\":0}\n"),
        new Case("wat-call-indirect-padded.wasm", "typed")
            .call("i32:12", "dispatch", i32(0), i32(7), i32(5)).call("i32:2", "dispatch", i32(1), i32(7), i32(5))
            .call("i32:35", "dispatch", i32(2), i32(7), i32(5))
            .call("trap:TABLE_OUT_OF_BOUNDS", "dispatch", i32(3), i32(7), i32(5))
            .call("i32:12", "dispatch_mvp", i32(0), i32(7), i32(5))
            .call("trap:TABLE_OUT_OF_BOUNDS", "dispatch_mvp", i32(3), i32(7), i32(5)));
  }

  // ---- the tests ------------------------------------------------------------------------------

  @TestFactory
  Stream<DynamicTest> originalAndInstrumentedAgreeAndGasIsDeterministic() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.module + " " + c.name, () -> {
      Outcome original = run(c, false);
      c.checkAgainstManifest(original);
      Outcome first = run(c, true);
      assertSame(c, original, first);
      for (int i = 0; i < 2; i++) {
        Outcome again = run(c, true);
        assertSame(c, first, again);
        assertThat(again.gasUsed).as("gas used by %s, run %d", c, i + 2).isEqualTo(first.gasUsed);
      }
      assertThat(first.gasUsed).as("gas used by %s", c).isPositive();
    }));
  }

  /** The game reducer without a database: its rules that need no rows, and NO_DATABASE from the first query. */
  private static Case gameCase(String module) {
    return new Case(module, "no-database")
        .bytes("i32:-6", "reduce", utf8("{\"type\":\"spawn\",\"id\":1,\"team\":\"red\",\"x\":0,\"y\":0,\"hp\":10}"))
        .bytes("i32:8", "reduce", utf8("{\"type\":\"spawn\",\"id\":1,\"team\":\"green\",\"x\":0,\"y\":0,\"hp\":10}"))
        .bytes("i32:4", "reduce", utf8("{\"type\":\"spawn\",\"id\":1,\"team\":\"red\",\"x\":16,\"y\":0,\"hp\":10}"))
        .bytes("i32:-6", "reduce", utf8("{\"type\":\"attack\",\"id\":1,\"target\":2}"))
        .bytes("i32:1", "reduce", utf8("{\"type\":\"heal\",\"id\":1}"))
        .bytes("i32:2", "reduce", utf8("not json"));
  }

  @Test
  void theTableCoversEveryExportedFunctionOfEveryNonHostileModule() {
    List<Path> modules = Corpus.modules();
    assertThat(modules).isNotEmpty();
    Set<String> called = new TreeSet<>();
    cases().forEach(c -> c.steps.forEach(s -> {
      called.add(c.module + "#" + s.export);
      if (s.input != null) {
        called.add(c.module + "#alloc");
      }
    }));
    Set<String> missing = new TreeSet<>();
    int checked = 0;
    for (Path path : modules) {
      String file = path.getFileName().toString();
      if (file.startsWith("hostile-") || NOT_MODULES.contains(file)) {
        continue;
      }
      checked++;
      ParsedModule parsed = WasmParser.parse(Corpus.read(path), WasmFeature.defaults());
      parsed.exports().values().stream().filter(e -> e.kind() == ExternKind.FUNC)
          .map(e -> file + "#" + e.name())
          .filter(key -> !called.contains(key) && !NOT_CALLED.contains(key))
          .forEach(missing::add);
    }
    assertThat(missing).as("exports no case calls").isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(26);
  }

  // ---- running one case -----------------------------------------------------------------------

  private static Outcome run(Case c, boolean instrumented) {
    return run(engine, compiled, RPC_CALLS, c, instrumented, PAGE_CAP);
  }

  /**
   * Runs a case on {@code engine}, compiling through {@code compiled} (a cache per engine), with {@code pageCap} as
   * the instrumented module's page limit. Blocks.
   */
  static Outcome run(WasmEngine engine, Map<String, EngineModule> compiled, RpcCalls rpcCalls, Case c,
      boolean instrumented, int pageCap) {
    byte[] original = Guests.bytes(c.module);
    ParsedModule parsed = WasmParser.parse(original, WasmFeature.defaults());
    EngineModule module = compiled.computeIfAbsent(c.module + (instrumented ? "#instrumented" : "#original"),
        k -> engine.compile(instrumented ? Instrumenter.instrument(original, parsed, GasCosts.defaults(), Instrumenter.Caps.NONE)
            // Wasmtime 7 cannot parse extended constant expressions: the "original" has them folded.
            : ConstantFolding.fold(original, parsed)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    HostEnvironment host = new HostEnvironment(new HostSettings("differential-" + c.module + "-" + c.name, c.stdin,
        c.args, c.env, Map.of(), true, 4L << 20, (request, timeout) -> c.rpcResponse, deadline, null, null), rpcCalls);
    Map<String, HostFunction> imports = new HashMap<>();
    parsed.imports().forEach(imp -> imports.put(imp.module() + "." + imp.name(), host.function(imp.module(), imp.name())));
    Outcome out = new Outcome();
    try (EngineInstance instance = module.instantiate(imports, new InstanceLimits(deadline))) {
      if (instrumented) {
        instance.call(Instrumentation.SET_LIMITS, i64(GAS), i32(pageCap));
        if (parsed.startFunction().isPresent()) {
          instance.call(Instrumentation.START);
        }
      }
      if (parsed.signatureOfExport("_initialize").isPresent()) {
        out.record("_initialize()", call(instance, "_initialize"));
      }
      for (Step step : c.steps) {
        out.record(step.toString(), step.input == null ? call(instance, step.export, step.args) : bytes(instance, step));
      }
      if (instrumented) {
        out.gasUsed = GAS - instance.call(Instrumentation.GAS_LEFT)[0].asLong();
      }
      out.memory = c.compareMemory ? MemoryImage.of(instance.memory()) : MemoryImage.NOT_COMPARED;
    }
    out.stdout = host.stdout();
    out.stderr = host.stderr();
    return out;
  }

  /** The call's results as text: values, {@code ok} for none, {@code trap:KIND} or {@code exit:CODE}. */
  private static String call(EngineInstance instance, String export, WasmValue... args) {
    try {
      WasmValue[] values = instance.call(export, args);
      // The raw bits are part of the text, so NaN payloads and signed zeros count too.
      return values.length == 0 ? "ok" : String.join(",", Arrays.stream(values)
          .map(v -> v + (v.type().name().startsWith("F") ? "#" + Long.toHexString(v.bits()) : "")).toList());
    } catch (GuestTrap t) {
      return "trap:" + t.trapKind();
    } catch (GuestExit e) {
      return "exit:" + e.code();
    } catch (TrapException e) {
      // A host function that ends the execution as a trap (AssemblyScript's env.abort).
      return "trap:" + e.trapCode();
    }
  }

  /** The bytes ABI: {@code alloc}, copy the input in, call, read the packed output back as hex. */
  private static String bytes(EngineInstance instance, Step step) {
    WasmValue[] pairs = new WasmValue[2 * step.input.length];
    for (int i = 0; i < step.input.length; i++) {
      int ptr = instance.call("alloc", i32(step.input[i].length))[0].asInt();
      instance.memory().write(ptr, step.input[i]);
      pairs[2 * i] = i32(ptr);
      pairs[2 * i + 1] = i32(step.input[i].length);
    }
    String result = call(instance, step.export, pairs);
    if (!result.startsWith("i64:")) {
      return result;
    }
    long packed = Long.parseLong(result.substring(4));
    return HexFormat.of().formatHex(instance.memory().read((int) (packed >>> 32), (int) packed));
  }

  static void assertSame(Case c, Outcome expected, Outcome actual) {
    assertThat(actual.transcript).as("results of %s", c).containsExactlyElementsOf(expected.transcript);
    assertThat(new String(actual.stdout, StandardCharsets.ISO_8859_1)).as("stdout of %s", c)
        .isEqualTo(new String(expected.stdout, StandardCharsets.ISO_8859_1));
    assertThat(new String(actual.stderr, StandardCharsets.ISO_8859_1)).as("stderr of %s", c)
        .isEqualTo(new String(expected.stderr, StandardCharsets.ISO_8859_1));
    actual.memory.assertSameAs(expected.memory, c.toString());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String hex(String utf8) {
    return HexFormat.of().formatHex(utf8(utf8));
  }

  static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the model ------------------------------------------------------------------------------

  /** One call of a case: a typed export, or the bytes ABI when {@code input} is set. */
  record Step(String expected, String export, WasmValue[] args, byte[][] input) {
    @Override
    public String toString() {
      return input != null ? export + "(bytes" + Arrays.stream(input).map(b -> "[" + b.length + "]").toList() + ")"
          : export + Arrays.toString(args);
    }
  }

  /** A fresh instance of one module, its host inputs, and the calls made on it in order. */
  static final class Case {
    final String module;
    final String name;
    final List<Step> steps = new ArrayList<>();
    byte[] stdin = new byte[0];
    final List<String> args = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();
    byte[] rpcResponse = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}".getBytes(StandardCharsets.UTF_8);
    Pattern stdout;
    Pattern stderr;
    boolean compareMemory = true;

    Case(String module, String name) {
      this.module = module;
      this.name = name;
    }

    Case call(String expected, String export, WasmValue... args) {
      steps.add(new Step(expected, export, args, null));
      return this;
    }

    Case bytes(String expectedHex, String export, byte[]... input) {
      steps.add(new Step(expectedHex, export, new WasmValue[0], input));
      return this;
    }

    Case stdin(String s) {
      return stdin(s.getBytes(StandardCharsets.UTF_8));
    }

    Case stdin(byte[] b) {
      stdin = b.clone();
      return this;
    }

    Case args(String... a) {
      args.addAll(List.of(a));
      return this;
    }

    Case env(String key, String value) {
      env.put(key, value);
      return this;
    }

    Case rpc(String response) {
      rpcResponse = response.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    Case stdout(String exact) {
      return stdout(exact.getBytes(StandardCharsets.UTF_8));
    }

    Case stdout(byte[] exact) {
      stdout = Pattern.compile(Pattern.quote(new String(exact, StandardCharsets.ISO_8859_1)), Pattern.DOTALL);
      return this;
    }

    Case stdoutMatching(String regex) {
      stdout = Pattern.compile(regex, Pattern.DOTALL);
      return this;
    }

    Case memoryNotComparable() {
      compareMemory = false;
      return this;
    }

    Case stderrMatching(String regex) {
      stderr = Pattern.compile(regex, Pattern.DOTALL);
      return this;
    }

    /** The original module's outcome against guests/MANIFEST.md, so that the comparison is never vacuous. */
    void checkAgainstManifest(Outcome original) {
      List<String> results = original.transcript.stream().filter(t -> !t.startsWith("_initialize()")).toList();
      assertThat(results).hasSameSizeAs(steps);
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        String actual = results.get(i).substring(step.toString().length() + 3).replaceAll("#[0-9a-f]+", "");
        if (step.expected != null) {
          assertThat(actual).as("%s %s", this, step).isEqualTo(step.expected);
        } else {
          assertThat(actual).as("%s %s", this, step).doesNotStartWith("trap:").doesNotStartWith("exit:");
        }
      }
      String out = new String(original.stdout, StandardCharsets.ISO_8859_1);
      assertThat(out).as("stdout of %s", this).matches(stdout != null ? stdout : Pattern.compile(""));
      String err = new String(original.stderr, StandardCharsets.ISO_8859_1);
      assertThat(err).as("stderr of %s", this).matches(stderr != null ? stderr : Pattern.compile(""));
    }

    @Override
    public String toString() {
      return module + " " + name;
    }
  }

  /** What one run produced. */
  static final class Outcome {
    final List<String> transcript = new ArrayList<>();
    byte[] stdout;
    byte[] stderr;
    MemoryImage memory;
    long gasUsed;

    void record(String call, String result) {
      transcript.add(call + " = " + result);
    }
  }

  /** The final linear memory, byte for byte; size -1 when the module has none. */
  record MemoryImage(long size, byte[] bytes) {

    static final MemoryImage NOT_COMPARED = new MemoryImage(-2, new byte[0]);

    static MemoryImage of(GuestMemory memory) {
      if (memory == null) {
        return new MemoryImage(-1, new byte[0]);
      }
      long size = memory.size();
      // Every memory in the corpus has at least one page; a size of 0 would make the comparison vacuous.
      assertThat(size).as("memory size").isPositive().isLessThanOrEqualTo(Integer.MAX_VALUE);
      assertThat(size % PAGE).as("memory size is whole pages").isZero();
      return new MemoryImage(size, memory.read(0, (int) size));
    }

    void assertSameAs(MemoryImage expected, String what) {
      assertThat(size).as("memory size of %s", what).isEqualTo(expected.size);
      int diff = Arrays.mismatch(bytes, expected.bytes);
      assertThat(diff).as("first differing memory byte of %s", what).isEqualTo(-1);
    }
  }
}
