package io.wasmhive.executor;

import static io.wasmhive.executor.Guests.task;
import static io.wasmhive.executor.Guests.utf8;
import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * AssemblyScript's {@code env.abort}, {@code env.seed} and {@code env.trace} on {@code wat-assemblyscript.wasm},
 * which lays out strings as AssemblyScript does (see its source for the addresses).
 */
class AssemblyScriptImportsTest extends ExecutorTestSupport {

  private static final String GUEST = "wat-assemblyscript.wasm";
  private static final int MESSAGE = 1024;
  private static final int FILE = 1088;
  private static final int PROGRESS = 1152;
  private static final int ODD_LENGTH = 1200;
  private static final int BEYOND_MEMORY = 1248;
  private static final int CONTROL = 1296;

  private static ExecutionResult abort(int message, int file, int line, int column) {
    return run(task(GUEST).entry(Entry.typed("abort", i32(message), i32(file), i32(line), i32(column))));
  }

  private static String abortMessage(ExecutionResult r) {
    assertThat(r.error()).isInstanceOf(TrapException.class);
    assertThat(((TrapException) r.error()).trapCode()).isEqualTo("abort");
    assertThat(r.error().kind()).isEqualTo(ErrorKind.TRAP);
    assertThat(r.error().retryable()).isFalse();
    return r.error().getMessage();
  }

  @Test
  void aModuleImportingTheAssemblyScriptEnvRegisters() {
    ModuleInfo module = executor.register(Guests.bytes(GUEST));
    assertThat(module.exports()).containsKeys("abort", "abort_long", "seed", "trace");
  }

  @Test
  void abortTrapsWithTheDecodedMessageFileLineAndColumn() {
    ExecutionResult r = abort(MESSAGE, FILE, 12, 5);
    assertThat(abortMessage(r)).isEqualTo("abort: héllo \uD83D\uDE00 at assembly/index.ts:12:5");
    assertThat(r.gasUsed()).isPositive();
    assertThat(abortMessage(abort(0, 0, -1, 0))).isEqualTo("abort: null at null:4294967295:0");
  }

  @Test
  void malformedStringsReadAsAPlaceholderNeverAsAHostFailure() {
    String invalid = "<invalid string>";
    assertThat(abortMessage(abort(ODD_LENGTH, BEYOND_MEMORY, 1, 1)))
        .isEqualTo("abort: " + invalid + " at " + invalid + ":1:1");
    assertThat(abortMessage(abort(2, 0xFFFF_FFF0, 1, 1))).isEqualTo("abort: " + invalid + " at " + invalid + ":1:1");
    assertThat(abortMessage(abort(CONTROL, FILE, 1, 1))).as("control characters replaced")
        .isEqualTo("abort: a\uFFFDb at assembly/index.ts:1:1");
  }

  @Test
  void longMessagesAreCutAt1024CodeUnits() {
    String message = abortMessage(run(task(GUEST).entry(Entry.typed("abort_long", i32(5000)))));
    assertThat(message).isEqualTo("abort: " + "x".repeat(1024) + "… at assembly/index.ts:1:2");
    assertThat(abortMessage(run(task(GUEST).entry(Entry.typed("abort_long", i32(1024))))))
        .isEqualTo("abort: " + "x".repeat(1024) + " at assembly/index.ts:1:2");
  }

  @Test
  void seedIsDerivedFromTheExecutionIdAlone() {
    double first = seed("as-seed-1", false);
    assertThat(seed("as-seed-1", false)).isEqualTo(first);
    assertThat(seed("as-seed-1", true)).isEqualTo(first);
    assertThat(seed("as-seed-2", false)).isNotEqualTo(first);
    assertThat(first).isGreaterThanOrEqualTo(1).isLessThan(0x1p53).isEqualTo(Math.rint(first));
  }

  private static double seed(String id, boolean deterministic) {
    return run(task(GUEST).id(id).deterministic(deterministic).entry(Entry.typed("seed"))).orThrow().value().asDouble();
  }

  @Test
  void traceWritesALineToStderrWithTheFirstNValues() {
    assertThat(trace(PROGRESS, 2).stderr()).asString().isEqualTo("trace: progress 1.5, 2\n");
    assertThat(utf8(trace(PROGRESS, 5).stderr())).isEqualTo("trace: progress 1.5, 2, -0.25, NaN, 1e+21\n");
    assertThat(utf8(trace(PROGRESS, 0).stderr())).isEqualTo("trace: progress\n");
    assertThat(utf8(trace(0, 99).stderr())).as("n is at most 5").isEqualTo("trace: null 1.5, 2, -0.25, NaN, 1e+21\n");
    assertThat(trace(PROGRESS, 2).stdout()).isEmpty();
  }

  @Test
  void traceIsBoundByMaxOutput() {
    ExecutionResult r = run(task(GUEST).entry(Entry.typed("trace", i32(PROGRESS), i32(5))).policy(new Policy(0, 0, 0, 16)));
    assertThat(r.error()).isInstanceOf(OutputLimitException.class);
    assertThat(utf8(r.stderr())).isEqualTo("trace: progress ");
  }

  private static ExecutionResult trace(int message, int n) {
    return run(task(GUEST).entry(Entry.typed("trace", i32(message), i32(n)))).orThrow();
  }
}
