package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.WasmValue.f64;
import static io.wasmhive.executor.WasmValue.i32;
import static io.wasmhive.executor.WasmValue.i64;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.Guests;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The whole guest corpus as executions, with their usual inputs: every call of {@link InstrumentationDifferentialTest}'s
 * case table as a task of its own (same stdin, arguments, environment and RPC answer), and the hostile modules, the
 * broken files and the limit cases as the limit and hostile tests run them. Where those tests stop a guest by
 * {@code max_time}, these give a gas budget instead, so that the execution ends the same way on every engine.
 */
final class CorpusTasks {

  private static final long PAGE = 65536;
  private static final Policy GAS_10M = new Policy(0, 10_000_000, 0, 0);
  private static final String RPC_0X10 = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}";

  private CorpusTasks() {
  }

  /** Every task, in a fixed order. */
  static List<CorpusTask> all() {
    List<CorpusTask> tasks = new ArrayList<>(fromCaseTable());
    tasks.addAll(hostile());
    tasks.addAll(limits());
    return tasks;
  }

  private static List<CorpusTask> fromCaseTable() {
    List<CorpusTask> tasks = new ArrayList<>();
    for (InstrumentationDifferentialTest.Case c : InstrumentationDifferentialTest.cases()) {
      ParsedModule parsed = WasmParser.parse(Guests.bytes(c.module), WasmFeature.defaults());
      for (int i = 0; i < c.steps.size(); i++) {
        InstrumentationDifferentialTest.Step step = c.steps.get(i);
        Entry entry = entry(parsed, step);
        byte[] stdin = c.stdin.clone();
        List<String> args = List.copyOf(c.args);
        tasks.add(new CorpusTask(c.module + " " + c.name + " #" + i + " " + step, c.module,
            b -> b.entry(entry).stdin(stdin).args(args).env(c.env))
            .rpc(new String(c.rpcResponse, StandardCharsets.UTF_8)));
      }
    }
    return tasks;
  }

  /**
   * A command for {@code _start}, the message ABI for one input to an export returning i32, the bytes ABI for other
   * inputs, a stdio function for {@code () -> ()}, else typed.
   */
  private static Entry entry(ParsedModule parsed, InstrumentationDifferentialTest.Step step) {
    if (step.input() != null) {
      boolean message = step.input().length == 1 && parsed.signatureOfExport(step.export()).orElseThrow().results()
          .equals(List.of(ValueType.I32));
      return message ? Entry.message(step.export(), step.input()[0]) : Entry.bytes(step.export(), step.input());
    }
    if (step.export().equals("_start")) {
      return Entry.command();
    }
    FuncSignature sig = parsed.signatureOfExport(step.export()).orElseThrow();
    return sig.params().isEmpty() && sig.results().isEmpty() ? Entry.stdio(step.export())
        : Entry.typed(step.export(), step.args());
  }

  private static List<CorpusTask> hostile() {
    List<CorpusTask> tasks = new ArrayList<>(List.of(
        typed("hostile-infinite-loop.wasm", "run", GAS_10M),
        task("hostile-infinite-loop.wasm", "_start", b -> b.policy(GAS_10M)),
        task("hostile-memory-bomb.wasm", "_start", b -> b.policy(new Policy(PAGE * 16, 10_000_000, 0, 0))),
        typed("hostile-memory-bomb.wasm", "grow_huge", Policy.DEFAULT),
        typed("hostile-recursion.wasm", "run", Policy.DEFAULT).withGasEngineDefined(),
        task("hostile-output-flood.wasm", "_start", b -> b.policy(new Policy(0, 0, 0, 1024))),
        typed("hostile-gas-burner.wasm", "run", GAS_10M),
        typed("hostile-gas-burner.wasm", "run_n", Policy.DEFAULT, i64(1000)),
        typed("hostile-table-grow-bomb.wasm", "run", GAS_10M),
        typed("hostile-table-grow-bomb.wasm", "grow_huge", Policy.DEFAULT),
        typed("hostile-table-fill.wasm", "run", new Policy(0, 1_000_000, 0, 0)),
        typed("hostile-memory-fill.wasm", "run", new Policy(PAGE * 16, 10_000_000, 0, 0)),
        task("hostile-big-iovec.wasm", "write", b -> b.entry(Entry.typed("write")).policy(new Policy(0, 0, 0, 1024))),
        task("hostile-big-iovec.wasm", "read", b -> b.entry(Entry.typed("read")).stdin(utf8("hello"))),
        typed("hostile-simd.wasm", "run", Policy.DEFAULT, f64(1.5))));
    for (String export : List.of("grow", "fill_once", "fill_oob", "check_slot0")) {
      tasks.add(typed("hostile-table-fill.wasm", export, Policy.DEFAULT));
    }
    for (String export : List.of("fill_all", "fill_oob", "byte0")) {
      tasks.add(typed("hostile-memory-fill.wasm", export, Policy.DEFAULT));
    }
    for (String export : List.of("good", "bad_req", "bad_len", "neg_len", "bad_resp_ptr", "edge_resp_ptr", "bad_alloc")) {
      tasks.add(typed("hostile-rpc-bad-pointers.wasm", export, Policy.DEFAULT).rpc(RPC_0X10));
    }
    for (int mode = 0; mode <= 3; mode++) {
      int m = mode;
      tasks.add(task("hostile-rpc-alloc.wasm", "main " + m, b -> b.entry(Entry.typed("main", i32(m))).policy(GAS_10M))
          .rpc(RPC_0X10));
    }
    // Refused at registration, before any engine sees them: the same error from the same parser on both sides.
    for (String file : List.of("hostile-unknown-import.wasm", "hostile-import-memory.wasm",
        "hostile-huge-initial-memory.wasm", "hostile-call-unknown-func.wasm", "hostile-global-oob.wasm",
        "hostile-local-oob.wasm", "hostile-ref-func-oob.wasm", "hostile-elem-func-oob.wasm",
        "hostile-call-indirect-bad-type.wasm", "hostile-data-segment-huge.wasm", "hostile-elem-segment-huge.wasm",
        "malformed.wasm", "not-wasm.bin")) {
      tasks.add(task(file, "_start", b -> { }));
    }
    return tasks;
  }

  private static List<CorpusTask> limits() {
    return List.of(
        typed("c-grow.wasm", "grow_until_fail", new Policy(16 * 1024 * 1024, 0, 0, 0)),
        typed("c-grow.wasm", "grow", new Policy(3 * PAGE, 0, 0, 0), i32(1)),
        typed("c-grow.wasm", "grow", new Policy(3 * PAGE, 0, 0, 0), i32(2)),
        typed("c-grow.wasm", "size", new Policy(2 * PAGE - 1, 0, 0, 0)),
        task("c-proc-text.wasm", "repeat past max_memory", b -> b.entry(Entry.bytes("repeat", utf8("x".repeat(1024)),
            new byte[] {100, 0, 0, 0})).policy(new Policy(2 * PAGE, 0, 0, 0))),
        task("c-echo.wasm", "past max_output", b -> b.stdin(new byte[1025]).policy(new Policy(0, 0, 0, 1024))),
        task("c-echo.wasm", "at max_output", b -> b.stdin(new byte[1024]).policy(new Policy(0, 0, 0, 1024))),
        task("c-sha256.wasm", "output past max_output", b -> b.entry(Entry.bytes("sha256", new byte[3]))
            .policy(new Policy(0, 0, 0, 31))),
        typed("wat-loop-sum.wasm", "sum_to", new Policy(0, 1000, 0, 0), i64(1_000_000)),
        typed("c-sha256.wasm", "sha256_repeat", new Policy(0, 1_000_000, 0, 0), i32(1024)),
        task("wf-spin.wasm", "run", b -> b.entry(Entry.stdio("run")).policy(GAS_10M)),
        task("wf-flood.wasm", "run", b -> b.entry(Entry.stdio("run")).policy(new Policy(0, 0, 0, 100_000))),
        task("wf-silent.wasm", "run", b -> b.entry(Entry.stdio("run"))));
  }

  private static CorpusTask typed(String module, String export, Policy policy, WasmValue... args) {
    return task(module, export + List.of(args), b -> b.entry(Entry.typed(export, args)).policy(policy));
  }

  private static CorpusTask task(String module, String what, Consumer<ExecutionTask.Builder> setup) {
    return new CorpusTask(module + " " + what, module, setup);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
