package io.wasmhive.executor.internal.chicory;

import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.Guests;
import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.engine.WasmEngineContractTest;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine contract on Chicory, plus what only this engine has: interruption through the thread's flag. */
class ChicoryEngineContractTest extends WasmEngineContractTest {

  @Override
  protected WasmEngine createEngine() {
    return new ChicoryEngine(new ChicorySettings(WasmFeature.defaults(), Duration.ofMillis(2)));
  }

  @Test
  void anInterruptedCallLeavesNoInterruptFlagOnTheThread() {
    EngineModule loop = compile("hostile-infinite-loop.wasm");
    for (int i = 0; i < 20; i++) {
      try (EngineInstance instance = loop.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 3_000_000))) {
        assertThat(trapOf(instance, "run")).isEqualTo(GuestTrap.Kind.INTERRUPTED);
      }
      assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag after call %d", i).isFalse();
    }
    // A call that ends just before its deadline does not leave one either, whenever the ticker looks.
    EngineModule add = compile("wat-add.wasm");
    for (int i = 0; i < 2000; i++) {
      try (EngineInstance instance = add.instantiate(Map.of(), new InstanceLimits(System.nanoTime() + 1000))) {
        instance.call("add", i32(1), i32(2));
      } catch (GuestTrap e) {
        assertThat(e.trapKind()).isEqualTo(GuestTrap.Kind.INTERRUPTED);
      }
      assertThat(Thread.interrupted()).as("interrupt flag after short call %d", i).isFalse();
    }
  }

  @Test
  void aWorkerThreadIsForgottenWhenItReleasesItsResources() throws Exception {
    ChicoryEngine chicory = (ChicoryEngine) engine;
    int before = chicory.watchedThreads();
    onWorkerStack(() -> instantiate(compile("wat-add.wasm")).call("add", i32(1), i32(2)));
    assertThat(chicory.watchedThreads()).isEqualTo(before);
  }

  @Test
  void aFunctionTooLargeForOneJvmMethodIsRefusedRatherThanInterpretedWithoutAStackBound() {
    // Chicory would run these in its interpreter, whose call stack grows on the heap: recursion there ran for the
    // whole deadline instead of overflowing. The engine refuses them (Wasmtime runs them).
    for (byte[] module : List.of(HugeFunctions.loop(), HugeFunctions.recursion())) {
      assertThatThrownBy(() -> engine.compile(module)).isInstanceOf(InvalidModuleException.class)
          .hasMessageContaining("too large to compile to one JVM method")
          .hasMessageContaining("WASM_ENGINE=wasmtime");
    }
    // The engine compiles the next module as usual.
    assertThat(instantiate(compile("wat-add.wasm")).call("add", i32(40), i32(2))).containsExactly(i32(42));
  }

  @Test
  void simdIsRefusedAtCompileTimeWithAClearMessage() {
    assertThatThrownBy(() -> engine.compile(Guests.bytes("hostile-simd.wasm")))
        .isInstanceOf(InvalidModuleException.class)
        .hasMessageContaining("chicory engine cannot run this module")
        .hasMessageContaining("SIMD");
  }

  @Test
  void everyCorpusModuleWasmtimeCompilesChicoryCompilesTooAndRejectsWithTheSameException() throws Exception {
    WasmEngine wasmtime = new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024,
        Duration.ofMillis(2), 256, 64L << 20));
    List<String> compared = new ArrayList<>();
    List<String> acceptedMore = new ArrayList<>();
    try (wasmtime; Stream<Path> files = Files.list(Path.of("src/test/resources/guests"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        String reference = outcome(wasmtime, bytes);
        String chicory = outcome(engine, bytes);
        if (reference.equals("ok")) {
          assertThat(chicory).as(name).isEqualTo("ok");
        } else if (!chicory.equals("ok")) {
          assertThat(chicory).as(name).isEqualTo(reference);
        } else {
          // Accepting more is harmless: the executor's parser gates every module before any engine sees it.
          acceptedMore.add(name);
        }
        compared.add(name);
      }
    }
    assertThat(compared).hasSizeGreaterThan(80).contains("wat-call-indirect-padded.wasm", "wat-multi-table.wasm",
        "wat-extended-const.wasm", "rust-typed.wasm", "as-math.wasm");
    // Wasmtime 7 has no extended constant expressions (the instrumenter folds them); Chicory has.
    assertThat(acceptedMore).containsExactly("wat-extended-const.wasm");
  }

  /** "ok" or the simple name of the exception compile threw. */
  private static String outcome(WasmEngine engine, byte[] bytes) {
    try (EngineModule module = engine.compile(bytes)) {
      return "ok";
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName();
    }
  }
}
