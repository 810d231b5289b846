package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.ModuleBytes.code;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.function;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.memory;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.module;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.oneFunction;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.section;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.voidType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.DisallowedFeatureException;
import io.wasmhive.executor.WasmFeature;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each proposal is accepted when allowed and rejected, by name, when not. */
class WasmFeatureGateTest {

  private static final int[] F64_ZERO = {0x44, 0, 0, 0, 0, 0, 0, 0, 0};

  static Stream<Arguments> uses() {
    return Stream.of(
        Arguments.of(WasmFeature.SIGN_EXTENSION, "sign-extension opcode", function(0x41, 0, 0xC0, 0x1A)),
        Arguments.of(WasmFeature.SATURATING_FLOAT_TO_INT, "trunc_sat", function(0x43, 0, 0, 0, 0, 0xFC, 0, 0x1A)),
        Arguments.of(WasmFeature.BULK_MEMORY, "memory.fill", module(voidType(), oneFunction(), memory(0, 1),
            code(0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 11, 0))),
        Arguments.of(WasmFeature.BULK_MEMORY, "data count section", module(section(12, 0))),
        Arguments.of(WasmFeature.SIMD, "f64x2.splat", function(concat(F64_ZERO, 0xFD, 0x14, 0x1A))),
        Arguments.of(WasmFeature.SIMD, "v128 local", module(voidType(), oneFunction(),
            section(10, 1, 4, 1, 1, 0x7B, 0x0B))),
        Arguments.of(WasmFeature.THREADS, "shared memory", module(memory(3, 1, 1))),
        Arguments.of(WasmFeature.THREADS, "atomic.fence", function(0xFE, 0x03, 0x00)),
        Arguments.of(WasmFeature.REFERENCE_TYPES, "ref.null", function(0xD0, 0x70, 0x1A)),
        Arguments.of(WasmFeature.REFERENCE_TYPES, "two tables", module(section(4, 2, 0x70, 0, 1, 0x70, 0, 1))),
        Arguments.of(WasmFeature.EXCEPTIONS, "try", function(0x06, 0x40, 0x0B)),
        Arguments.of(WasmFeature.TAIL_CALLS, "return_call", function(0x12, 0)),
        Arguments.of(WasmFeature.MULTI_VALUE, "two results", module(section(1, 1, 0x60, 0, 2, 0x7F, 0x7F))),
        Arguments.of(WasmFeature.MULTI_VALUE, "block type index", function(0x02, 0x00, 0x0B)),
        Arguments.of(WasmFeature.MUTABLE_GLOBALS, "mutable global export", module(
            section(6, 1, 0x7F, 1, 0x41, 0, 0x0B), section(7, 1, 1, 'g', 3, 0))),
        Arguments.of(WasmFeature.MUTABLE_GLOBALS, "mutable global import", module(
            section(2, 1, 1, 'm', 1, 'g', 3, 0x7F, 1))),
        Arguments.of(WasmFeature.MULTI_MEMORY, "two memories", module(section(5, 2, 0, 1, 0, 1))),
        Arguments.of(WasmFeature.MEMORY64, "64-bit memory", module(memory(4, 1))),
        Arguments.of(WasmFeature.EXTENDED_CONST, "i32.add in a global initialiser",
            module(section(6, 1, 0x7F, 0, 0x41, 1, 0x41, 2, 0x6A, 0x0B))),
        Arguments.of(WasmFeature.REFERENCE_TYPES, "padded call_indirect table index", module(voidType(),
            oneFunction(), section(4, 1, 0x70, 0, 1), code(0x41, 0, 0x11, 0, 0x80, 0x00))));
  }

  private static int[] concat(int[] head, int... tail) {
    int[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("uses")
  void acceptedWhenAllowedRejectedByNameWhenNot(WasmFeature feature, String use, byte[] bytes) {
    Set<WasmFeature> allButOne = EnumSet.complementOf(EnumSet.of(feature));
    if (feature.engineSupported()) {
      assertThatCode(() -> WasmParser.parse(bytes, EnumSet.allOf(WasmFeature.class))).doesNotThrowAnyException();
    } else {
      // A proposal the engine cannot run is refused even when the set names it.
      assertThatThrownBy(() -> WasmParser.parse(bytes, EnumSet.allOf(WasmFeature.class)))
          .isInstanceOf(DisallowedFeatureException.class)
          .hasMessageEndingWith("not supported by the bundled Wasmtime 7.0.1");
    }
    assertThatThrownBy(() -> WasmParser.parse(bytes, allButOne))
        .isInstanceOf(DisallowedFeatureException.class)
        .hasMessageStartingWith("uses " + feature.label() + " (")
        .hasMessageContaining(" at 0x")
        .hasMessageEndingWith("; " + feature.offPhrase());
  }

  @Test
  void messageNamesFeatureInstructionFunctionAndOffset() {
    byte[] bytes = function(concat(F64_ZERO, 0xFD, 0x14, 0x1A));
    assertThatThrownBy(() -> WasmParser.parse(bytes, WasmFeature.defaults()))
        .hasMessage("uses SIMD (`f64x2.splat` in function 0 at 0x20); SIMD is off, see WASM_FEATURES");
  }

  @Test
  void aPaddedCallIndirectTableIndexIsTheReferenceTypesEncoding() {
    byte[] bytes = module(voidType(), oneFunction(), section(4, 1, 0x70, 0, 1), code(0x41, 0, 0x11, 0, 0x80, 0x00));
    assertThatCode(() -> WasmParser.parse(bytes, WasmFeature.defaults())).doesNotThrowAnyException();
    assertThatThrownBy(() -> WasmParser.parse(bytes, EnumSet.complementOf(EnumSet.of(WasmFeature.REFERENCE_TYPES))))
        .hasMessage("uses reference types (`call_indirect` with a table index other than the byte 0x00 in "
            + "function 0 at 0x1f); reference types are off, see WASM_FEATURES");
  }

  @Test
  void defaultFeaturesAcceptTheMvpAndTheDefaultProposals() {
    assertThat(WasmParser.parse(function(0x41, 0, 0xC0, 0x1A), WasmFeature.defaults()).definedFunctionCount())
        .isEqualTo(1);
    assertThatThrownBy(() -> WasmParser.parse(function(0x41, 0, 0xC0, 0x1A), Set.of()))
        .isInstanceOf(DisallowedFeatureException.class);
  }
}
