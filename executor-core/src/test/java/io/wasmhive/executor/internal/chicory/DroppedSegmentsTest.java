package io.wasmhive.executor.internal.chicory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.wasmhive.executor.WasmFeature;
import io.wasmhive.executor.WasmValue;
import io.wasmhive.executor.engine.EngineInstance;
import io.wasmhive.executor.engine.EngineModule;
import io.wasmhive.executor.engine.GuestTrap;
import io.wasmhive.executor.engine.InstanceLimits;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Instantiation drops active data and element segments and declarative element segments: afterwards a
 * {@code memory.init} or {@code table.init} of one with a non-zero length traps, one of length 0 does not. Chicory 1.7.5
 * kept active data segments (found by the engine-differential test, seed 238); pinned here on both engines.
 */
class DroppedSegmentsTest {

  /**
   * Memory of 1 page, active data segment 0 {@code "ab"} at 0; {@code init1} = {@code memory.init 0} of 1 byte to 10,
   * {@code init0} = the same with length 0, {@code byte0} = {@code i32.load8_u} of address 0; exports its memory.
   */
  private static final byte[] DATA = HexFormat.of().parseHex("0061736d010000000108026000006000017f03040300000105030100"
      + "0107220405696e697431000005696e69743000010562797465300002066d656d6f727902000c01010a23030c00410a41004101fc0800000b"
      + "0c00410a41004100fc0800000b070041002d00000b0b08010041000b026162");
  /**
   * Table of 2 funcref; active element segment 0 {@code [f]} at 0, declarative segment 1 {@code [f]};
   * {@code tinit_active} / {@code tinit_declarative} = {@code table.init} of 1 element from segment 0 / 1 to slot 1,
   * {@code tinit0} = from segment 0 with length 0.
   */
  private static final byte[] ELEMENTS = HexFormat.of().parseHex("0061736d0100000001040160000003050400000000040401700002"
      + "072d030c74696e69745f61637469766500011174696e69745f6465636c6172617469766500020674696e6974300003090b020041000b0100"
      + "030001000a2b0402000b0c00410141004101fc0c00000b0c00410141004101fc0c01000b0c00410141004100fc0c00000b");

  @Test
  void activeAndDeclarativeSegmentsAreDroppedByInstantiationOnBothEngines() {
    for (WasmEngine engine : List.of(new ChicoryEngine(new ChicorySettings(WasmFeature.defaults(), Duration.ofMillis(2))),
        new WasmtimeEngine(new WasmtimeSettings(WasmFeature.defaults(), true, 512 * 1024, Duration.ofMillis(2), 256,
            64L << 20)))) {
      try (engine; EngineModule data = engine.compile(DATA); EngineModule elements = engine.compile(ELEMENTS);
           EngineInstance d = data.instantiate(Map.of(), soon()); EngineInstance e = elements.instantiate(Map.of(), soon())) {
        assertThat(d.call("byte0")).as(engine.name()).containsExactly(WasmValue.i32('a'));
        assertThat(trap(d, "init1")).as(engine.name()).isEqualTo(GuestTrap.Kind.MEMORY_OUT_OF_BOUNDS);
        assertThat(d.call("init0")).as(engine.name()).isEmpty();
        assertThat(d.memory().read(10, 1)).as("nothing copied on %s", engine.name()).containsExactly(0);
        assertThat(trap(e, "tinit_active")).as(engine.name()).isEqualTo(GuestTrap.Kind.TABLE_OUT_OF_BOUNDS);
        assertThat(trap(e, "tinit_declarative")).as(engine.name()).isEqualTo(GuestTrap.Kind.TABLE_OUT_OF_BOUNDS);
        assertThat(e.call("tinit0")).as(engine.name()).isEmpty();
        engine.releaseThreadResources();
      }
    }
  }

  private static GuestTrap.Kind trap(EngineInstance instance, String export) {
    Throwable t = catchThrowable(() -> instance.call(export));
    assertThat(t).as("%s should trap", export).isInstanceOf(GuestTrap.class);
    return ((GuestTrap) t).trapKind();
  }

  private static InstanceLimits soon() {
    return new InstanceLimits(System.nanoTime() + 5_000_000_000L);
  }
}
