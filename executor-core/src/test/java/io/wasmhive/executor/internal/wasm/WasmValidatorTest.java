package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.TinyModule.EXTERNREF;
import static io.wasmhive.executor.internal.wasm.TinyModule.F32;
import static io.wasmhive.executor.internal.wasm.TinyModule.FUNCREF;
import static io.wasmhive.executor.internal.wasm.TinyModule.I32;
import static io.wasmhive.executor.internal.wasm.TinyModule.I64;
import static io.wasmhive.executor.internal.wasm.TinyModule.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.WasmFeature;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser validates the original module completely: every index against the module's own index spaces
 * (so none can reach what the instrumenter appends), operand types, constant expressions and limits.
 */
class WasmValidatorTest {

  private static final int[] NONE = {};

  private static ParsedModule parse(byte[] bytes) {
    return WasmParser.parse(bytes, WasmFeature.defaults());
  }

  /** {@code () -> ()} as type 0 and {@code (i32) -> i32} as type 1. */
  private static TinyModule base() {
    return new TinyModule().type(NONE).type(params(I32), I32);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        // The index bypass: function 1 would be the instrumenter's limit setter.
        Arguments.of("call one past the functions", base().func(0, 0x42, 0x7F, 0x41, 0x10, 0x10, 1).build(),
            "unknown function 1 in function 0"),
        Arguments.of("global.get one past the globals", base().global(I32, true, 0x41, 0)
            .func(0, 0x23, 1, 0x1A).build(), "unknown global 1"),
        Arguments.of("global.set one past the globals", base().func(0, 0x41, 0, 0x24, 0).build(), "unknown global 0"),
        Arguments.of("global.set of an immutable global", base().global(I32, false, 0x41, 0)
            .func(0, 0x41, 0, 0x24, 0).build(), "global.set of immutable global 0"),
        Arguments.of("local.get one past the locals", base().funcWithLocals(1, new int[] {1, I64}, 0x20, 2).build(),
            "unknown local 2"),
        Arguments.of("local.set with the wrong type", base().funcWithLocals(0, new int[] {1, I64}, 0x41, 0, 0x21, 0)
            .build(), "type mismatch in local.set: expected i64, got i32"),
        Arguments.of("element segment naming a missing function", base().table(FUNCREF, 1, null)
            .elem(0, 0x41, 0, 0x0B, 1, 1).func(0).build(), "unknown function 1"),
        Arguments.of("element expression naming a missing function", base().table(FUNCREF, 1, null)
            .elem(4, 0x41, 0, 0x0B, 1, 0xD2, 3, 0x0B).func(0).build(), "unknown function 3"),
        Arguments.of("undeclared ref.func", base().func(0, 0xD2, 0, 0x1A).build(), "undeclared function reference 0"),
        Arguments.of("call_indirect with a missing type", base().table(FUNCREF, 1, null)
            .func(0, 0x41, 0, 0x11, 7, 0).build(), "unknown type 7"),
        Arguments.of("call_indirect through a missing table", base().func(0, 0x41, 0, 0x11, 0, 0).build(),
            "unknown table 0"),
        Arguments.of("call_indirect through an externref table", base().table(EXTERNREF, 1, null)
            .func(0, 0x41, 0, 0x11, 0, 0).build(), "does not hold funcref"),
        Arguments.of("branch to a missing label", base().func(0, 0x0C, 1).build(), "unknown label 1"),
        Arguments.of("i32.add on an i64", base().func(0, 0x42, 0, 0x41, 0, 0x6A, 0x1A).build(),
            "type mismatch in i32.add: expected i32, got i64"),
        Arguments.of("missing result", base().func(1, 0x01).build(), "expected a value, but the stack is empty"),
        Arguments.of("a value left over", base().func(0, 0x41, 1).build(), "left over"),
        Arguments.of("load without a memory", base().func(0, 0x41, 0, 0x28, 2, 0, 0x1A).build(), "unknown memory 0"),
        Arguments.of("alignment above natural", base().memory(1, null).func(0, 0x41, 0, 0x28, 3, 0, 0x1A).build(),
            "alignment must not be larger than natural"),
        Arguments.of("memory.init without a data count section", base().memory(1, null)
            .func(0, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 8, 0, 0).data(1, 0).build(), "needs a data count section"),
        Arguments.of("data.drop of a missing segment", base().memory(1, null).dataCount(1)
            .func(0, 0xFC, 9, 1).data(1, 0).build(), "unknown data segment 1"),
        Arguments.of("elem.drop of a missing segment", base().func(0, 0xFC, 13, 0).build(), "unknown element segment 0"),
        Arguments.of("table.copy between different reference types", base().table(FUNCREF, 1, null)
            .table(EXTERNREF, 1, null).func(0, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 14, 0, 1).build(),
            "hold different types"),
        Arguments.of("table.grow with the wrong reference", base().table(EXTERNREF, 1, null)
            .func(0, 0xD0, FUNCREF, 0x41, 1, 0xFC, 15, 0, 0x1A).build(), "expected externref, got funcref"),
        Arguments.of("start function with a parameter", base().func(1, 0x20, 0).start(0).build(),
            "must take and return nothing"),
        Arguments.of("export of a missing table", base().export("t", 1, 0).build(), "unknown table 0"),
        Arguments.of("export of a missing memory", base().export("m", 2, 0).build(), "unknown memory 0"),
        Arguments.of("data segment without a memory", base().data(0, 0x41, 0, 0x0B, 0).build(), "unknown memory 0"),
        Arguments.of("global initialiser of the wrong type", base().global(I32, false, 0x42, 0).build(),
            "expected i32, got [i64]"),
        Arguments.of("global initialiser reading a defined global", base().global(I32, false, 0x41, 0)
            .global(I32, false, 0x23, 0).build(), "may only read an imported global"),
        Arguments.of("non-constant initialiser", base().global(I32, false, 0x41, 0, 0x41, 0, 0x71).build(),
            "constant expression required"),
        Arguments.of("select on different types", base().func(0, 0x41, 0, 0x42, 0, 0x41, 0, 0x1B, 0x1A).build(),
            "type mismatch in select"),
        Arguments.of("if without else changing the stack", base().func(0, 0x41, 0, 0x04, I32, 0x41, 1, 0x0B, 0x1A)
            .build(), "an if without else must have results equal to its parameters"),
        Arguments.of("else without if", base().func(0, 0x02, 0x40, 0x05, 0x0B).build(), "else without a matching if"),
        Arguments.of("data count disagreeing with the data section", base().memory(1, null).dataCount(2)
            .data(1, 0).build(), "data count section says 2"),
        Arguments.of("memory above 4 GiB", base().memory(65537, null).build(), "at most 65536 pages"),
        Arguments.of("table maximum below its minimum", base().table(FUNCREF, 5, 4).build(),
            "table maximum 4 is below its minimum 5"),
        Arguments.of("br_table targets of different arity", base().func(0, 0x02, I32, 0x41, 0, 0x41, 0, 0x0E, 1, 0,
            1, 0x0B, 0x1A).build(), "br_table"),
        Arguments.of("a lane index out of range", new TinyModule().type(NONE).func(0, 0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFD, 0x15, 16, 0x1A).build(), "invalid lane index 16"),
        Arguments.of("float where i32 needed in memory.grow", base().memory(1, null)
            .func(0, 0x43, 0, 0, 0, 0, 0x40, 0, 0x1A).build(), "type mismatch in memory.grow: expected i32, got f32"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidModulesNamingTheProblem(String what, byte[] module, String message) {
    java.util.Set<WasmFeature> features = what.contains("lane") ? java.util.EnumSet.of(WasmFeature.SIMD) : WasmFeature.defaults();
    assertThatThrownBy(() -> WasmParser.parse(module, features))
        .isInstanceOf(InvalidModuleException.class)
        .hasMessageContaining(message);
  }

  @Test
  void acceptsTheStackPolymorphismOfUnreachableCode() {
    // unreachable; i32.add; drop -- and a br leaving the block with an unknown-typed stack.
    assertThatCode(() -> parse(base().func(0, 0x00, 0x6A, 0x1A).func(1, 0x02, I32, 0x00, 0x6A, 0x0C, 0, 0x0B).build()))
        .doesNotThrowAnyException();
    assertThatCode(() -> parse(base().func(1, 0x20, 0, 0x0F, 0x1B).build())).doesNotThrowAnyException();
  }

  @Test
  void acceptsLoopLabelsCarryingTheirParameters() {
    // (i32) -> i32: loop (param i32) (result i32) ... br_if 0 taking the loop's parameter.
    byte[] module = base().func(1, 0x20, 0, 0x03, 1, 0x41, 1, 0x6B, 0x22, 0, 0x20, 0, 0x0D, 0, 0x0B).build();
    assertThatCode(() -> parse(module)).doesNotThrowAnyException();
  }

  @Test
  void acceptsReferenceTypesAndTableInstructions() {
    byte[] module = base().type(NONE, FUNCREF).table(FUNCREF, 2, 10).table(EXTERNREF, 1, null)
        .elem(6, 0, 0x41, 0, 0x0B, FUNCREF, 1, 0xD2, 0, 0x0B)
        .elem(5, FUNCREF, 2, 0xD2, 0, 0x0B, 0xD0, FUNCREF, 0x0B)
        .elem(3, 0, 1, 1)
        .func(0, 0xD2, 1, 0x41, 1, 0xFC, 15, 0, 0x1A, 0x41, 0, 0xD0, FUNCREF, 0x41, 1, 0xFC, 17, 0,
            0x41, 0, 0x41, 0, 0x41, 1, 0xFC, 12, 1, 0, 0xFC, 13, 1, 0x41, 0, 0x25, 0, 0xD1, 0x1A,
            0xFC, 16, 1, 0x1A, 0x41, 0, 0xD0, EXTERNREF, 0x26, 1, 0xD0, FUNCREF, 0xD0, FUNCREF, 0x41, 1,
            0x1C, 1, FUNCREF, 0x1A)
        .func(2, 0xD2, 0)
        .build();
    ParsedModule parsed = parse(module);
    assertThat(parsed.tables()).hasSize(2);
    assertThat(parsed.tables().get(0).max()).hasValue(10);
  }

  @Test
  void extendedConstantExpressionsAreValidatedAndFolded() {
    byte[] module = base().memory(1, null)
        .global(I32, false, 0x41, 40, 0x41, 2, 0x6A)
        .global(I64, false, 0x42, 6, 0x42, 7, 0x7E)
        .data(0, 0x41, 8, 0x41, 2, 0x41, 4, 0x6C, 0x6A, 0x0B, 1, 0x2A)
        .build();
    ParsedModule parsed = parse(module);
    assertThat(parsed.folds).extracting(f -> f[3]).containsExactly(42L, 42L, 16L);
    assertThatThrownBy(() -> parse(base().global(I32, false, 0x41, 1, 0x42, 2, 0x6A).build()))
        .hasMessageContaining("i32.add needs two i32 operands");
    assertThatThrownBy(() -> parse(base().global(F32, false, 0x41, 1, 0x41, 2, 0x6A).build()))
        .hasMessageContaining("expected f32, got [i32]");
  }
}
