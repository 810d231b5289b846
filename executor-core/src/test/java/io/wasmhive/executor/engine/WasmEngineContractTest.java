package io.wasmhive.executor.engine;

import static io.wasmhive.executor.WasmValue.f32;
import static io.wasmhive.executor.WasmValue.f64;
import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasmhive.executor.Guests;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.OutputLimitException;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.internal.host.HostEnvironment;
import io.wasmhive.executor.internal.host.HostSettings;
import io.wasmhive.executor.internal.host.RpcCalls;
import io.wasmhive.executor.internal.wasm.GasCosts;
import io.wasmhive.executor.internal.wasm.Instrumentation;
import io.wasmhive.executor.internal.wasm.Instrumenter;
import io.wasmhive.executor.internal.wasm.WasmParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link WasmEngine} SPI contract, on real modules of the guest corpus. Extended once per engine;
 * checks that only make sense for one engine (native store accounting) live in that engine's subclass.
 */
public abstract class WasmEngineContractTest {

  /** What {@code hostile-rpc-bad-pointers.wasm} sends as its request at offset 1024. */
  static final String BLOCK_NUMBER = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}";
  static final long PAGE = 65536;

  protected WasmEngine engine;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** A fresh engine; closed after each test. */
  protected abstract WasmEngine createEngine();

  @BeforeEach
  void startEngine() {
    engine = createEngine();
  }

  @AfterEach
  void closeEverything() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
    engine.close();
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** Compiles a corpus module's original bytes; closed after the test. */
  protected EngineModule compile(String file) {
    return track(engine.compile(Guests.bytes(file)));
  }

  /** Compiles a corpus module after instrumentation; closed after the test. */
  protected EngineModule compileInstrumented(String file) {
    byte[] original = Guests.bytes(file);
    byte[] instrumented = Instrumenter.instrument(original, WasmParser.parse(original, WasmFeature.defaults()),
        GasCosts.defaults(), Instrumenter.Caps.NONE);
    return track(engine.compile(instrumented));
  }

  protected EngineInstance instantiate(EngineModule module, Map<String, HostFunction> imports) {
    return track(module.instantiate(imports, new InstanceLimits(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))));
  }

  protected EngineInstance instantiate(EngineModule module) {
    return instantiate(module, Map.of());
  }

  protected <T extends AutoCloseable> T track(T closeable) {
    opened.push(closeable);
    return closeable;
  }

  protected static GuestTrap.Kind trapOf(EngineInstance instance, String export, WasmValue... args) {
    Throwable t = catchThrowable(() -> instance.call(export, args));
    assertThat(t).as("%s should trap", export).isInstanceOf(GuestTrap.class);
    return ((GuestTrap) t).trapKind();
  }

  /** Runs {@code body} on a thread with an 8 MiB stack, as executor workers have, and returns its result. */
  protected <T> T onWorkerStack(Callable<T> body) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(body.call());
      } catch (Throwable e) {
        failure.set(e);
      } finally {
        engine.releaseThreadResources();
      }
    }, "contract-worker", 8L << 20);
    t.start();
    t.join();
    if (failure.get() instanceof Exception e) {
      throw e;
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    return result.get();
  }

  /** A host function of the given signature backed by a lambda. */
  /** The body of a host function, as a lambda. */
  @FunctionalInterface
  protected interface HostBody {
    long[] call(HostCall call, long[] args);
  }

  protected static HostFunction fn(String module, String name, List<ValueType> params, List<ValueType> results, HostBody body) {
    HostFunctionType type = HostFunctionType.of(module, name, params, results);
    return new HostFunction() {
      @Override
      public HostFunctionType type() {
        return type;
      }

      @Override
      public long[] call(HostCall call, long[] args) {
        return body.call(call, args);
      }
    };
  }

  protected static Map<String, HostFunction> rpcCall(HostBody body) {
    return Map.of("host.rpc_call", fn("host", "rpc_call", List.of(ValueType.I32, ValueType.I32, ValueType.I32),
        List.of(ValueType.I32), body));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** An exception of the test's own, to prove host exceptions come out unchanged. */
  static final class HostBoom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HostBoom() {
      super("boom from the host");
    }
  }

  // ---- compile ------------------------------------------------------------------------------------

  @Test
  void invalidBytesAreRejectedWithInvalidModuleException() {
    assertThatThrownBy(() -> engine.compile(Guests.bytes("not-wasm.bin"))).isInstanceOf(InvalidModuleException.class);
    assertThatThrownBy(() -> engine.compile(Guests.bytes("malformed.wasm"))).isInstanceOf(InvalidModuleException.class);
    assertThatThrownBy(() -> engine.compile(new byte[0])).isInstanceOf(InvalidModuleException.class);
    // The engine still compiles valid modules after rejecting invalid ones.
    assertThat(instantiate(compile("wat-add.wasm")).call("add", i32(40), i32(2))).containsExactly(i32(42));
  }

  // ---- typed calls -----------------------------------------------------------------------------------

  @Test
  void typedCallsReturnExactValuesOfEveryNumberType() {
    EngineInstance add = instantiate(compile("c-add.wasm"));
    assertThat(add.call("add", i32(2), i32(3))).containsExactly(i32(5));
    // i32 results cross the boundary sign-extended: the record's raw bits must be those of (long) -2^31.
    assertThat(add.call("add", i32(Integer.MAX_VALUE), i32(1))).containsExactly(i32(Integer.MIN_VALUE));
    assertThat(add.call("add", i32(Integer.MAX_VALUE), i32(1))[0].bits()).isEqualTo(-2147483648L);
    assertThat(add.call("add64", i64(Long.MAX_VALUE), i64(1))).containsExactly(i64(Long.MIN_VALUE));
    assertThat(add.call("mulf", f32(1.5f), f32(2.5f))).containsExactly(f32(3.75f));
    assertThat(add.call("calculate_discount", f64(19.99), i32(1))).containsExactly(f64(18.990499999999997));
    assertThat(add.call("calculate_discount", f64(19.99), i32(3))).containsExactly(f64(16.9915));
    assertThat(add.call("fib", i32(90))).containsExactly(i64(2880067194370816120L));
    assertThat(add.call("fib", i32(50))).containsExactly(i64(12586269025L));
    assertThat(add.hasExport("add")).isTrue();
    assertThat(add.hasExport("memory")).as("memory is not a function").isFalse();
    assertThat(add.hasExport("nope")).isFalse();
  }

  @Test
  void multiValueAndVoidResults() {
    EngineInstance mv = instantiate(compile("wat-multi-value.wasm"));
    assertThat(mv.call("divmod", i32(17), i32(5))).containsExactly(i32(3), i32(2));
    assertThat(mv.call("swap", i32(1), i32(2))).containsExactly(i32(2), i32(1));
    EngineInstance bulk = instantiate(compile("wat-bulk-memory.wasm"));
    assertThat(bulk.call("fill", i32(0), i32(1), i32(4))).isEmpty();
    assertThat(bulk.call("checksum", i32(0), i32(8))).containsExactly(i32(4));
  }

  @Test
  void startSectionRunsAtInstantiationOnEveryInstance() {
    EngineModule module = compile("wat-start.wasm");
    assertThat(instantiate(module).call("get")).containsExactly(i32(1234));
    assertThat(instantiate(module).call("get")).containsExactly(i32(1234));
  }

  // ---- traps -------------------------------------------------------------------------------------

  @Test
  void trapsReportTheirKindAndLeaveTheInstanceUsable() {
    EngineInstance add = instantiate(compile("c-add.wasm"));
    assertThat(trapOf(add, "div", i32(1), i32(0))).isEqualTo(GuestTrap.Kind.INTEGER_DIVISION_BY_ZERO);
    assertThat(trapOf(add, "div", i32(Integer.MIN_VALUE), i32(-1))).isEqualTo(GuestTrap.Kind.INTEGER_OVERFLOW);
    assertThat(add.call("div", i32(-7), i32(2))).containsExactly(i32(-3));

    EngineInstance unreachable = instantiate(compile("wat-trap-unreachable.wasm"));
    assertThat(trapOf(unreachable, "run")).isEqualTo(GuestTrap.Kind.UNREACHABLE);
    assertThat(unreachable.call("ok")).containsExactly(i32(1));

    EngineInstance indirect = instantiate(compile("wat-call-indirect.wasm"));
    assertThat(indirect.call("dispatch", i32(2), i32(7), i32(5))).containsExactly(i32(35));
    assertThat(trapOf(indirect, "dispatch", i32(3), i32(7), i32(5))).isEqualTo(GuestTrap.Kind.BAD_SIGNATURE);
    assertThat(trapOf(indirect, "dispatch", i32(4), i32(7), i32(5))).isEqualTo(GuestTrap.Kind.INDIRECT_CALL_TO_NULL);
    assertThat(trapOf(indirect, "dispatch", i32(5), i32(7), i32(5))).isEqualTo(GuestTrap.Kind.TABLE_OUT_OF_BOUNDS);
    assertThat(trapOf(indirect, "dispatch", i32(-1), i32(7), i32(5))).isEqualTo(GuestTrap.Kind.TABLE_OUT_OF_BOUNDS);

    EngineInstance bulk = instantiate(compile("wat-bulk-memory.wasm"));
    assertThat(trapOf(bulk, "fill", i32(65530), i32(1), i32(10))).isEqualTo(GuestTrap.Kind.MEMORY_OUT_OF_BOUNDS);

    EngineInstance trunc = instantiate(compile("wat-sat-trunc.wasm"));
    assertThat(trapOf(trunc, "trunc", f64(1e10))).isEqualTo(GuestTrap.Kind.INTEGER_OVERFLOW);
    assertThat(trapOf(trunc, "trunc", f64(Double.NaN))).isEqualTo(GuestTrap.Kind.BAD_CONVERSION_TO_INTEGER);
  }

  @Test
  void unboundedRecursionIsAStackOverflowTrapAndTheThreadSurvives() throws Exception {
    EngineModule module = compile("hostile-recursion.wasm");
    GuestTrap.Kind kind = onWorkerStack(() -> {
      try (EngineInstance instance = module.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 10_000_000_000L))) {
        GuestTrap.Kind k = trapOf(instance, "run");
        // The same thread can go on running guests.
        try (EngineInstance add = compile("wat-add.wasm").instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 10_000_000_000L))) {
          assertThat(add.call("add", i32(1), i32(2))).containsExactly(i32(3));
        }
        return k;
      }
    });
    assertThat(kind).isEqualTo(GuestTrap.Kind.STACK_OVERFLOW);
  }

  // ---- deadlines ---------------------------------------------------------------------------------

  @Test
  void aPassedDeadlineInterruptsAnInfiniteLoopAtOnce() {
    EngineModule loop = compile("hostile-infinite-loop.wasm");
    long deadline = System.nanoTime() - 1_000_000;
    EngineInstance instance = track(loop.instantiate(Map.of(), new InstanceLimits(deadline)));
    // Measure the engine, not AssertJ: the first catchThrowable and assertion in a JVM load classes for ~150 ms.
    assertThat(catchThrowable(() -> {
      throw new GuestTrap(GuestTrap.Kind.OTHER, "warm-up");
    })).isInstanceOf(GuestTrap.class);
    long start = System.nanoTime();
    assertThat(trapOf(instance, "run")).isEqualTo(GuestTrap.Kind.INTERRUPTED);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
  }

  @Test
  void aNearDeadlineInterruptsWithin50Milliseconds() {
    EngineModule loop = compile("hostile-infinite-loop.wasm");
    for (long ms : new long[] {20, 100}) {
      // Late by the scheduler of a loaded machine is possible once; late three times in a row is the engine.
      List<Long> lateMs = new ArrayList<>();
      for (int attempt = 0; attempt < 3 && (lateMs.isEmpty() || lateMs.get(lateMs.size() - 1) >= 50); attempt++) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(ms);
        EngineInstance instance = track(loop.instantiate(Map.of(), new InstanceLimits(deadline)));
        assertThat(trapOf(instance, "_start")).isEqualTo(GuestTrap.Kind.INTERRUPTED);
        long end = System.nanoTime();
        // Engines interrupt at a tick (Wasmtime: an epoch), so a few milliseconds early is within their precision.
        assertThat(end).as("not interrupted well before the deadline").isGreaterThanOrEqualTo(deadline - 5_000_000);
        lateMs.add(TimeUnit.NANOSECONDS.toMillis(end - deadline));
      }
      assertThat(lateMs).as("ms after a %d ms deadline, up to three attempts", ms).anyMatch(late -> late < 50);
    }
  }

  @Test
  void movingTheDeadlineLaterLetsALaterCallSucceedAndEarlierInterrupts() {
    EngineModule burner = compile("hostile-gas-burner.wasm");
    EngineInstance instance = track(burner.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 20_000_000)));
    assertThat(trapOf(instance, "run")).isEqualTo(GuestTrap.Kind.INTERRUPTED);
    instance.deadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    assertThat(instance.call("run_n", i64(10))).containsExactly(i64(5738308706962252L));
    assertThat(instance.call("run_n", i64(1_000_000))).containsExactly(i64(-6979167497170458329L));

    EngineInstance patient = instantiate(burner);
    patient.deadline(System.nanoTime() + 20_000_000);
    long start = System.nanoTime();
    assertThat(trapOf(patient, "run")).isEqualTo(GuestTrap.Kind.INTERRUPTED);
    assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(70));
  }

  @Test
  void instrumentedCountersStayReadableAfterATrapOrAnInterruption() {
    EngineInstance sum = instantiate(compileInstrumented("wat-loop-sum.wasm"));
    sum.call(Instrumentation.SET_LIMITS, i64(1_000_000_000L), i32(16));
    assertThat(sum.call("sum_to", i64(10))).containsExactly(i64(55));
    long left = sum.call(Instrumentation.GAS_LEFT)[0].asLong();
    assertThat(left).isBetween(1L, 1_000_000_000L - 1);
    sum.call(Instrumentation.SET_LIMITS, i64(100), i32(16));
    assertThat(catchThrowable(() -> sum.call("sum_to", i64(1_000_000)))).isInstanceOf(GuestTrap.class);
    assertThat(sum.call(Instrumentation.GAS_LEFT)[0].asLong()).isNegative();

    EngineInstance loop = track(compileInstrumented("hostile-infinite-loop.wasm")
        .instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 20_000_000)));
    loop.call(Instrumentation.SET_LIMITS, i64(Long.MAX_VALUE), i32(16));
    assertThat(trapOf(loop, "run")).isEqualTo(GuestTrap.Kind.INTERRUPTED);
    loop.deadline(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
    assertThat(loop.call(Instrumentation.GAS_LEFT)[0].asLong()).isPositive().isLessThan(Long.MAX_VALUE);
  }

  // ---- floats ------------------------------------------------------------------------------------

  /** Calls an export of {@code wat-nan.wasm} on raw bits and returns the raw result bits. */
  private static long bits(EngineInstance nan, String export, long... args) {
    WasmValue[] in = new WasmValue[args.length];
    for (int i = 0; i < args.length; i++) {
      boolean f32Param = export.startsWith("f32") != export.equals("f32_demote") || export.equals("f64_promote");
      in[i] = f32Param ? i32((int) args[i]) : i64(args[i]);
    }
    return nan.call(export, in)[0].bits();
  }

  @Test
  void nanResultsAreCanonicalAndSignOperationsKeepThePayloadAsWasmtimeWithCanonicalisationGives() {
    EngineInstance nan = instantiate(compile("wat-nan.wasm"));
    long canonical32 = 0x7fc00000L;
    long canonical64 = 0x7ff8000000000000L;
    long one32 = 0x3f800000L;
    long minusOne32 = (int) 0xbf800000;
    long one64 = 0x3ff0000000000000L;
    long signalling32 = 0x7fa00001L;
    long negativeQuiet32 = (int) 0xffc12345;
    long signalling64 = 0x7ff4000000000001L;
    // 0/0, sqrt(-1): the canonical NaN, not x86's negative default NaN.
    assertThat(bits(nan, "f32_div", 0, 0)).isEqualTo(canonical32);
    assertThat(bits(nan, "f64_div", 0, 0)).isEqualTo(canonical64);
    assertThat(bits(nan, "f32_sqrt", minusOne32)).isEqualTo(canonical32);
    assertThat(bits(nan, "f64_sqrt", 0xbff0000000000000L)).isEqualTo(canonical64);
    // A payload does not propagate through arithmetic, min, max or rounding.
    for (String op : List.of("f32_add", "f32_sub", "f32_mul", "f32_div", "f32_min", "f32_max")) {
      assertThat(bits(nan, op, signalling32, one32)).as(op).isEqualTo(canonical32);
      assertThat(bits(nan, op, one32, negativeQuiet32)).as(op).isEqualTo(canonical32);
    }
    for (String op : List.of("f64_add", "f64_sub", "f64_mul", "f64_div", "f64_min", "f64_max")) {
      assertThat(bits(nan, op, signalling64, one64)).as(op).isEqualTo(canonical64);
    }
    for (String op : List.of("f32_ceil", "f32_floor", "f32_trunc", "f32_nearest", "f32_sqrt")) {
      assertThat(bits(nan, op, negativeQuiet32)).as(op).isEqualTo(canonical32);
    }
    for (String op : List.of("f64_ceil", "f64_floor", "f64_trunc", "f64_nearest", "f64_sqrt")) {
      assertThat(bits(nan, op, signalling64)).as(op).isEqualTo(canonical64);
    }
    // abs, neg and copysign are sign-bit operations: the payload, even a signalling one, stays.
    assertThat(bits(nan, "f32_abs", (int) 0xffb00002)).isEqualTo(0x7fb00002L);
    assertThat(bits(nan, "f32_neg", signalling32)).isEqualTo((long) (int) 0xffa00001);
    assertThat(bits(nan, "f32_copysign", signalling32, minusOne32)).isEqualTo((long) (int) 0xffa00001);
    assertThat(bits(nan, "f64_abs", 0xfff4000000000001L)).isEqualTo(signalling64);
    assertThat(bits(nan, "f64_neg", signalling64)).isEqualTo(0xfff4000000000001L);
    assertThat(bits(nan, "f64_copysign", signalling64, 0x8000000000000000L)).isEqualTo(0xfff4000000000001L);
    // Wasmtime 7's canonicalisation pass leaves promote and demote alone: the payload is kept and quieted.
    assertThat(bits(nan, "f64_promote", signalling32)).isEqualTo(0x7ffc000020000000L);
    assertThat(bits(nan, "f32_demote", signalling64)).isEqualTo(0x7fe00000L);
    // Locals, stores and loads never touch the bits.
    assertThat(bits(nan, "f32_through_memory", signalling32)).isEqualTo(signalling32);
    // Ordinary values are unchanged by all this.
    assertThat(bits(nan, "f32_add", one32, one32)).isEqualTo(0x40000000L);
    assertThat(bits(nan, "f64_min", one64, 0xbff0000000000000L)).isEqualTo(0xbff0000000000000L);
  }

  // ---- host functions ----------------------------------------------------------------------------

  @Test
  void hostFunctionsGetRawSignExtendedArgsAndTheirResultsReachTheGuest() {
    List<long[]> seen = new ArrayList<>();
    EngineInstance instance = instantiate(compile("hostile-rpc-bad-pointers.wasm"), rpcCall((call, args) -> {
      seen.add(args.clone());
      return new long[] {seen.size() == 1 ? 12345 : -7};
    }));
    assertThat(instance.call("good")).containsExactly(i32(12345));
    assertThat(instance.call("bad_req")).containsExactly(i32(-7));
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).containsExactly(1024, 63, 16);
    // 0xFFFFFFF0 as an i32 argument arrives as the sign-extended long -16.
    assertThat(seen.get(1)).containsExactly(-16, 100, 16);
  }

  @Test
  void wasiShapedHostFunctionsSeeTheGuestsIovecsAndExitThroughGuestExit() {
    StringBuilder written = new StringBuilder();
    List<ValueType> four = List.of(ValueType.I32, ValueType.I32, ValueType.I32, ValueType.I32);
    Map<String, HostFunction> imports = Map.of(
        "wasi_snapshot_preview1.fd_write", fn("wasi_snapshot_preview1", "fd_write", four, List.of(ValueType.I32),
            (call, args) -> {
              assertThat(args).containsExactly(1, 0, 1, 8);
              GuestMemory mem = call.memory();
              int ptr = mem.readI32((int) args[1]);
              int len = mem.readI32((int) args[1] + 4);
              written.append(utf8(mem.read(ptr, len)));
              mem.writeI32((int) args[3], len);
              return new long[] {0};
            }),
        "wasi_snapshot_preview1.proc_exit", fn("wasi_snapshot_preview1", "proc_exit", List.of(ValueType.I32), List.of(),
            (call, args) -> {
              throw new GuestExit((int) args[0]);
            }));
    EngineInstance instance = instantiate(compile("wat-wasi-exit.wasm"), imports);
    Throwable exit = catchThrowable(() -> instance.call("_start"));
    assertThat(exit).isInstanceOf(GuestExit.class);
    assertThat(((GuestExit) exit).code()).isEqualTo(3);
    assertThat(written).hasToString("exiting with 3\n");
    assertThat(instance.memory().readI32(8)).as("nwritten the host stored").isEqualTo(15);
  }

  @Test
  void guestExitFromTheRealHostEnvironmentCarriesTheCode() {
    RpcCalls rpcCalls = new RpcCalls();
    opened.push(rpcCalls);
    HostEnvironment host = new HostEnvironment(new HostSettings("contract-exit", new byte[0], List.of(), Map.of(),
        Map.of(), true, 1024, null, System.nanoTime() + TimeUnit.SECONDS.toNanos(10), null, null), rpcCalls);
    Map<String, HostFunction> imports = Map.of(
        "wasi_snapshot_preview1.fd_write", host.function("wasi_snapshot_preview1", "fd_write"),
        "wasi_snapshot_preview1.proc_exit", host.function("wasi_snapshot_preview1", "proc_exit"));
    EngineInstance instance = instantiate(compile("wat-wasi-exit.wasm"), imports);
    Throwable exit = catchThrowable(() -> instance.call("_start"));
    assertThat(exit).isInstanceOf(GuestExit.class);
    assertThat(((GuestExit) exit).code()).isEqualTo(3);
    assertThat(utf8(host.stdout())).isEqualTo("exiting with 3\n");
  }

  @Test
  void whateverAHostFunctionThrowsComesOutOfCallUnchangedAndDoesNotLinger() {
    RuntimeException[] toThrow = {new HostBoom()};
    EngineInstance instance = instantiate(compile("hostile-rpc-bad-pointers.wasm"), rpcCall((call, args) -> {
      if (toThrow[0] != null) {
        throw toThrow[0];
      }
      return new long[] {1};
    }));
    RuntimeException boom = toThrow[0];
    assertThat(catchThrowable(() -> instance.call("good"))).isSameAs(boom);

    OutputLimitException limit = new OutputLimitException("too much output");
    toThrow[0] = limit;
    assertThat(catchThrowable(() -> instance.call("good"))).isSameAs(limit);

    GuestMemoryAccessException oob = new GuestMemoryAccessException("host-side bounds");
    toThrow[0] = oob;
    assertThat(catchThrowable(() -> instance.call("good"))).isSameAs(oob);

    // The next call neither rethrows the old exception nor fails.
    toThrow[0] = null;
    assertThat(instance.call("good")).containsExactly(i32(1));
  }

  @Test
  void hostCallReadsAndWritesGuestMemoryAndReentersTheGuestsAlloc() {
    String response = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}";
    List<String> requests = new ArrayList<>();
    List<Throwable> refused = new ArrayList<>();
    EngineInstance instance = instantiate(compile("hostile-rpc-bad-pointers.wasm"), rpcCall((call, args) -> {
      try {
        GuestMemory mem = call.memory();
        requests.add(utf8(mem.read((int) args[0], (int) args[1])));
        assertThat(call.hasExport("alloc")).isTrue();
        assertThat(call.hasExport("no_such_export")).isFalse();
        byte[] body = response.getBytes(StandardCharsets.UTF_8);
        int ptr = (int) call.callExport("alloc", body.length)[0];
        mem.write(ptr, body);
        mem.writeI32((int) args[2], ptr);
        assertThat(mem.readI32((int) args[2])).isEqualTo(ptr);
        return new long[] {body.length};
      } catch (GuestMemoryAccessException e) {
        refused.add(e);
        return new long[] {-1};
      }
    }));
    assertThat(instance.call("good")).containsExactly(i32(response.length()));
    assertThat(requests).containsExactly(BLOCK_NUMBER);
    GuestMemory mem = instance.memory();
    assertThat(mem.size()).isEqualTo(PAGE);
    int first = mem.readI32(16);
    assertThat(first).as("the guest's bump allocator starts at 4096").isEqualTo(4096);
    assertThat(utf8(mem.read(first, response.length()))).isEqualTo(response);

    // A second call re-enters alloc again, which moved on: state changed by the re-entrant call is kept.
    assertThat(instance.call("good")).containsExactly(i32(response.length()));
    assertThat(mem.readI32(16)).isEqualTo(4096 + ((response.length() + 7) & -8));

    // Out-of-bounds host accesses fail with GuestMemoryAccessException and the guest gets -1.
    assertThat(instance.call("bad_req")).containsExactly(i32(-1));
    assertThat(instance.call("bad_len")).containsExactly(i32(-1));
    assertThat(instance.call("neg_len")).containsExactly(i32(-1));
    assertThat(instance.call("bad_resp_ptr")).containsExactly(i32(-1));
    assertThat(instance.call("edge_resp_ptr")).containsExactly(i32(-1));
    // The two bytes of memory before the end were not written by the straddling access.
    assertThat(mem.read(65534, 2)).containsExactly(0, 0);
    assertThat(instance.call("good")).as("usable after refused accesses").containsExactly(i32(response.length()));
    // From now on the guest's alloc answers an out-of-bounds pointer, which the host cannot write to.
    assertThat(instance.call("bad_alloc")).containsExactly(i32(-1));
    assertThat(refused).hasSize(6).allMatch(GuestMemoryAccessException.class::isInstance);
  }

  @Test
  void aTrapInAReenteredExportComesOutOfCallExportAndEndsTheOuterCallWithTheSameTrap() {
    List<Throwable> seenByHost = new ArrayList<>();
    EngineInstance instance = instantiate(compile("hostile-rpc-alloc.wasm"), rpcCall((call, args) -> {
      try {
        return new long[] {call.callExport("alloc", 8)[0]};
      } catch (RuntimeException e) {
        seenByHost.add(e);
        throw e;
      }
    }));
    assertThat(instance.call("main", i32(0))).as("alloc behaves in mode 0").containsExactly(i32(4096));
    assertThat(trapOf(instance, "main", i32(1))).isEqualTo(GuestTrap.Kind.UNREACHABLE);
    assertThat(seenByHost).singleElement().isInstanceOf(GuestTrap.class);
    assertThat(((GuestTrap) seenByHost.get(0)).trapKind()).isEqualTo(GuestTrap.Kind.UNREACHABLE);
    assertThat(instance.call("main", i32(0))).as("usable again").containsExactly(i32(4104));
  }

  @Test
  void anInterruptionInAReenteredExportEndsTheOuterCallAsInterrupted() {
    EngineInstance instance = track(compile("hostile-rpc-alloc.wasm").instantiate(
        rpcCall((call, args) -> new long[] {call.callExport("alloc", 8)[0]}),
        new InstanceLimits(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100))));
    assertThat(trapOf(instance, "main", i32(2))).isEqualTo(GuestTrap.Kind.INTERRUPTED);
  }

  // ---- memory ------------------------------------------------------------------------------------

  @Test
  void instanceMemoryIsNullWithoutAMemoryAndBoundsCheckedWithOne() {
    assertThat(instantiate(compile("wat-add.wasm")).memory()).isNull();
    assertThat(instantiate(compileInstrumented("instr-nomem.wasm")).memory()).isNull();

    GuestMemory mem = instantiate(compile("c-add.wasm")).memory();
    assertThat(mem).isNotNull();
    assertThat(mem.size()).isEqualTo(2 * PAGE);
    mem.writeI64((int) (2 * PAGE - 8), 0x0102030405060708L);
    assertThat(mem.readI64((int) (2 * PAGE - 8))).isEqualTo(0x0102030405060708L);
    assertThat(mem.read((int) (2 * PAGE - 8), 1)).containsExactly(8);
    assertThatThrownBy(() -> mem.readI32((int) (2 * PAGE - 2))).isInstanceOf(GuestMemoryAccessException.class);
    assertThatThrownBy(() -> mem.readI32(-1)).as("addresses are unsigned").isInstanceOf(GuestMemoryAccessException.class);
    assertThatThrownBy(() -> mem.read(0, -1)).isInstanceOf(GuestMemoryAccessException.class);
    assertThatThrownBy(() -> mem.write((int) (2 * PAGE), new byte[1])).isInstanceOf(GuestMemoryAccessException.class);
    assertThatThrownBy(() -> mem.writeI64((int) (2 * PAGE - 7), 1)).isInstanceOf(GuestMemoryAccessException.class);
    assertThat(mem.read((int) (2 * PAGE), 0)).isEmpty();
  }

  @Test
  void memoryViewFollowsGrowth() {
    EngineInstance grow = instantiate(compile("c-grow.wasm"));
    GuestMemory mem = grow.memory();
    assertThat(mem.size()).isEqualTo(2 * PAGE);
    assertThat(grow.call("grow", i32(3))).containsExactly(i32(2));
    assertThat(mem.size()).isEqualTo(5 * PAGE);
    mem.writeI32((int) (5 * PAGE - 4), 77);
    assertThat(grow.memory().readI32((int) (5 * PAGE - 4))).isEqualTo(77);
  }

  @Test
  void hostWritesAreVisibleToTheGuest() {
    EngineInstance bulk = instantiate(compile("wat-bulk-memory.wasm"));
    bulk.memory().write(100, new byte[] {5, 6, 7});
    assertThat(bulk.call("checksum", i32(100), i32(3))).containsExactly(i32(18));
  }

  // ---- isolation ---------------------------------------------------------------------------------

  @Test
  void twoLiveInstancesOfOneModuleShareNeitherMemoryNorGlobals() {
    EngineModule state = compile("c-state.wasm");
    EngineInstance a = instantiate(state);
    EngineInstance b = instantiate(state);
    assertThat(a.call("bump")).containsExactly(i32(1));
    assertThat(a.call("bump")).containsExactly(i32(2));
    assertThat(b.call("bump")).containsExactly(i32(1));
    assertThat(a.call("peek_buf")).containsExactly(i32(2));
    assertThat(b.call("peek_buf")).containsExactly(i32(1));
    a.memory().write(0, new byte[] {42});
    assertThat(b.memory().read(0, 1)).containsExactly(0);

    EngineModule global = compile("wat-mutable-global-export.wasm");
    EngineInstance g1 = instantiate(global);
    EngineInstance g2 = instantiate(global);
    assertThat(g1.call("inc")).containsExactly(i32(43));
    assertThat(g1.call("inc")).containsExactly(i32(44));
    assertThat(g2.call("inc")).containsExactly(i32(43));
    assertThat(g1.call("get")).containsExactly(i32(44));
  }

  @Test
  void aClosedInstanceLeavesNothingForTheNextOnTheSameThread() {
    EngineModule state = compile("c-state.wasm");
    for (int i = 0; i < 300; i++) {
      try (EngineInstance instance = state.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 1_000_000_000L))) {
        assertThat(instance.call("peek_buf")).containsExactly(i32(0));
        assertThat(instance.call("bump")).containsExactly(i32(1));
        assertThat(instance.call("bump")).containsExactly(i32(2));
      }
    }
  }

  @Test
  void oneCompiledModuleServesInstancesOnSeveralThreadsAtOnce() throws Exception {
    EngineModule state = compile("c-state.wasm");
    EngineModule add = compile("c-add.wasm");
    List<CompletableFuture<Integer>> runs = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int seed = t;
      runs.add(CompletableFuture.supplyAsync(() -> {
        int ok = 0;
        try {
          for (int i = 0; i < 200; i++) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            try (EngineInstance s = state.instantiate(Map.of(), new InstanceLimits(deadline));
               EngineInstance a = add.instantiate(Map.of(), new InstanceLimits(deadline))) {
              if (s.call("bump")[0].asInt() == 1 && a.call("add", i32(seed), i32(i))[0].asInt() == seed + i) {
                ok++;
              }
            }
          }
        } finally {
          engine.releaseThreadResources();
        }
        return ok;
      }, runnable -> new Thread(runnable, "contract-" + seed).start()));
    }
    for (CompletableFuture<Integer> run : runs) {
      try {
        assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(200);
      } catch (ExecutionException e) {
        throw new AssertionError(e.getCause());
      }
    }
  }
}
