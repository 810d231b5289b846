package io.wasmhive.executor.internal.chicory;

import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.engine.WasmEngineContractTest;
import java.time.Duration;
import java.util.Map;
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
}
