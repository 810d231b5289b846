package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.TinyModule.FUNCREF;
import static io.wasmhive.executor.internal.wasm.TinyModule.I32;
import static io.wasmhive.executor.internal.wasm.TinyModule.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.Entry;
import io.wasmhive.executor.ErrorKind;
import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.Policy;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The table cap ({@code WASM_MAX_TABLE_ELEMENTS}) at and just past its edge, the caps written into the module
 * itself, and the per-element metering of the table instructions.
 */
class TableLimitsTest {

  private static final int CAP = 100;
  private static final Policy POLICY = new Policy(1 << 20, 1_000_000, 5_000, 1024);
  private static WasmExecutor executor;

  @BeforeAll
  static void start() {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(1).initialWorkers(1).maxTableElements(CAP).build());
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  /** A table of {@code min} (max {@code max}) and exports grow(n), fill(n) and size(). */
  private static byte[] tableModule(int min, Integer max) {
    return new TinyModule().type(params(I32), I32).type(params(), I32).type(params(I32))
        .table(FUNCREF, min, max)
        .func(0, 0xD0, FUNCREF, 0x20, 0, 0xFC, 15, 0)
        .func(1, 0xFC, 16, 0)
        .func(2, 0x41, 0, 0xD0, FUNCREF, 0x20, 0, 0xFC, 17, 0)
        .export("grow", 0, 0).export("size", 0, 1).export("fill", 0, 2)
        .build();
  }

  private static ExecutionResult call(ModuleInfo m, String export, WasmValue... args) {
    return executor.execute(ExecutionTask.builder(m.id()).entry(Entry.typed(export, args)).policy(POLICY).build());
  }

  @Test
  void aTableOfExactlyTheCapRegistersOneMoreDoesNot() {
    assertThat(executor.register(tableModule(CAP, null)).id()).isNotEmpty();
    assertThatThrownBy(() -> executor.register(tableModule(CAP + 1, null)))
        .isInstanceOf(InvalidModuleException.class)
        .hasMessageContaining("101 initial elements").hasMessageContaining("WASM_MAX_TABLE_ELEMENTS");
  }

  @Test
  void growReachesTheCapExactlyAndIsRefusedOnePast() {
    ModuleInfo m = executor.register(tableModule(1, null));
    assertThat(call(m, "grow", WasmValue.i32(CAP - 1)).orThrow().value().asInt()).isEqualTo(1);
    ModuleInfo m2 = executor.register(tableModule(2, null));
    assertThat(call(m2, "grow", WasmValue.i32(CAP - 1)).orThrow().value().asInt()).isEqualTo(-1);
    assertThat(call(m2, "grow", WasmValue.i32(CAP - 2)).orThrow().value().asInt()).isEqualTo(2);
  }

  @Test
  void aDeclaredMaximumAboveTheCapIsLowered() {
    ModuleInfo m = executor.register(tableModule(1, 1_000_000));
    assertThat(call(m, "grow", WasmValue.i32(CAP)).orThrow().value().asInt()).isEqualTo(-1);
    ModuleInfo below = executor.register(tableModule(1, 10));
    assertThat(call(below, "grow", WasmValue.i32(10)).orThrow().value().asInt()).isEqualTo(-1);
    assertThat(call(below, "grow", WasmValue.i32(9)).orThrow().value().asInt()).isEqualTo(1);
  }

  @Test
  void tableInstructionsAreChargedOnePerElementDeterministically() {
    ModuleInfo m = executor.register(tableModule(CAP, null));
    long none = call(m, "fill", WasmValue.i32(0)).orThrow().gasUsed();
    long forty = call(m, "fill", WasmValue.i32(40)).orThrow().gasUsed();
    assertThat(forty - none).isEqualTo(40);
    assertThat(call(m, "fill", WasmValue.i32(40)).orThrow().gasUsed()).isEqualTo(forty);
    ModuleInfo growing = executor.register(tableModule(0, null));
    long grow0 = call(growing, "grow", WasmValue.i32(0)).orThrow().gasUsed();
    assertThat(call(growing, "grow", WasmValue.i32(30)).orThrow().gasUsed() - grow0).isEqualTo(30);
    // A refused grow costs no elements.
    assertThat(call(growing, "grow", WasmValue.i32(CAP + 1)).orThrow().gasUsed()).isEqualTo(grow0);
  }

  @Test
  void aHugeFillRunsOutOfGasBeforeTouchingAnElement() {
    ModuleInfo m = executor.register(tableModule(CAP, null));
    ExecutionResult r = call(m, "fill", WasmValue.i32(Integer.MAX_VALUE));
    assertThat(r.error().kind()).isEqualTo(ErrorKind.OUT_OF_GAS);
    assertThat(call(m, "fill", WasmValue.i32(1)).success()).isTrue();
  }

  @Test
  void theInstrumentedModuleDeclaresTheCaps() {
    byte[] original = new TinyModule().type(params()).table(FUNCREF, 2, 1_000_000).memory(1, null).func(0).build();
    byte[] instrumented = Instrumenter.instrument(original, WasmParser.parse(original, WasmFeature.defaults()),
        GasCosts.defaults(), new Instrumenter.Caps(16, CAP));
    // The instrumented module exports reserved names, so read its table and memory sections directly.
    assertThat(limitsOfSection(instrumented, 4)).containsExactly(2L, (long) CAP);
    assertThat(limitsOfSection(instrumented, 5)).containsExactly(1L, 16L);
  }

  /** The {@code min, max} of the single entry of section {@code id} (table or memory). */
  private static long[] limitsOfSection(byte[] module, int id) {
    WasmReader r = new WasmReader(module);
    r.pos(8);
    while (true) {
      int section = r.u8();
      int size = r.u32();
      if (section != id) {
        r.skip(size);
        continue;
      }
      assertThat(r.u32()).as("entries").isEqualTo(1);
      if (id == 4) {
        r.u8();
      }
      assertThat(r.u8()).as("limits flags").isEqualTo(1);
      return new long[] {r.u32(), r.u32()};
    }
  }
}
