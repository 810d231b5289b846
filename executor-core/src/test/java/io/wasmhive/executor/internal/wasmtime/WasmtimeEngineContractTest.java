package io.wasmhive.executor.internal.wasmtime;

import static io.wasmhive.executor.WasmValue.i32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.UnknownImportException;
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

/** The engine contract on Wasmtime, plus its native store accounting: no store outlives its use. */
class WasmtimeEngineContractTest extends WasmEngineContractTest {

  @Override
  protected WasmEngine createEngine() {
    return new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024, Duration.ofMillis(2),
        256, 64L << 20));
  }

  private WasmtimeEngine wasmtime() {
    return (WasmtimeEngine) engine;
  }

  private static InstanceLimits soon() {
    return new InstanceLimits(System.nanoTime() + 5_000_000_000L);
  }

  @Test
  void manyInstantiateCloseCyclesKeepAtMostOneStorePerThread() {
    EngineModule state = compile("c-state.wasm");
    EngineModule grow = compile("c-grow.wasm");
    assertThat(wasmtime().liveStores()).isZero();
    for (int i = 0; i < 2000; i++) {
      try (EngineInstance s = state.instantiate(Map.of(), soon())) {
        assertThat(s.call("bump")).containsExactly(i32(1));
      }
      // Growing retains memory in the store until it is replaced; the store must still be bounded.
      try (EngineInstance g = grow.instantiate(Map.of(), soon())) {
        g.call("grow", i32(16));
      }
      assertThat(wasmtime().liveStores()).isLessThanOrEqualTo(1);
    }
    engine.releaseThreadResources();
    assertThat(wasmtime().liveStores()).isZero();
  }

  @Test
  void overlappingInstancesGetTheirOwnStoreWhichIsFreedOnClose() {
    EngineModule state = compile("c-state.wasm");
    EngineInstance a = state.instantiate(Map.of(), soon());
    EngineInstance b = state.instantiate(Map.of(), soon());
    assertThat(wasmtime().liveStores()).isEqualTo(2);
    b.close();
    assertThat(wasmtime().liveStores()).isEqualTo(1);
    a.close();
    a.close(); // closing twice is harmless
    assertThat(wasmtime().liveStores()).isEqualTo(1);
    engine.releaseThreadResources();
    assertThat(wasmtime().liveStores()).isZero();
  }

  @Test
  void failuresLeakNoStore() {
    EngineModule rpc = compile("hostile-rpc-bad-pointers.wasm");
    EngineModule loop = compile("hostile-infinite-loop.wasm");
    for (int i = 0; i < 300; i++) {
      assertThatThrownBy(() -> rpc.instantiate(Map.of(), soon())).isInstanceOf(UnknownImportException.class);
      try (EngineInstance instance = rpc.instantiate(rpcCall((call, args) -> {
        throw new IllegalStateException("host down");
      }), soon())) {
        assertThatThrownBy(() -> instance.call("good")).isInstanceOf(IllegalStateException.class);
      }
      if (i % 30 == 0) {
        try (EngineInstance instance = loop.instantiate(Map.of(), new InstanceLimits(System.nanoTime()))) {
          assertThat(trapOf(instance, "run")).isEqualTo(GuestTrap.Kind.INTERRUPTED);
        }
      }
      assertThat(wasmtime().liveStores()).isLessThanOrEqualTo(1);
    }
    engine.releaseThreadResources();
    assertThat(wasmtime().liveStores()).isZero();
  }

  @Test
  void workerThreadsReleaseTheirStores() throws Exception {
    EngineModule state = compile("c-state.wasm");
    Thread[] threads = new Thread[3];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 100; i++) {
          try (EngineInstance s = state.instantiate(Map.of(), soon())) {
            s.call("bump");
          }
        }
        engine.releaseThreadResources();
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(wasmtime().liveStores()).isZero();
  }
}
