package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.ModuleBytes.function;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.memory;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.module;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.oneFunction;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.section;
import static io.wasmhive.executor.internal.wasm.ModuleBytes.voidType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasmhive.executor.InvalidModuleException;
import io.wasmhive.executor.ValueType;
import io.wasmhive.executor.WasmFeature;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The module interface the parser reports, and the structural errors and caps it enforces. */
class WasmParserTest {

  private static ParsedModule parse(byte[] bytes) {
    return WasmParser.parse(bytes, WasmFeature.defaults());
  }

  private static void assertInvalid(byte[] bytes, String message) {
    assertThatThrownBy(() -> parse(bytes)).isInstanceOf(InvalidModuleException.class)
        .hasMessageContaining(message);
  }

  @Test
  void reportsExportsSignaturesMemoryAndCounts() {
    ParsedModule m = parse(Corpus.read("instr-compute.wasm"));
    assertThat(m.signatureOfExport("sum_to"))
        .contains(new FuncSignature(List.of(ValueType.I64), List.of(ValueType.I64)));
    assertThat(m.signatureOfExport("divmod"))
        .contains(new FuncSignature(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32, ValueType.I32)));
    assertThat(m.signatureOfExport("memory")).isEmpty();
    assertThat(m.exports().get("memory").kind()).isEqualTo(ExternKind.MEMORY);
    assertThat(m.signatureOfExport("missing")).isEmpty();
    assertThat(m.memory()).contains(new MemoryInfo(1, OptionalLong.of(16), false, false, false));
    assertThat(m.importedFunctionCount()).isZero();
    assertThat(m.definedFunctionCount()).isEqualTo(16);
    assertThat(m.definedGlobalCount()).isEqualTo(1);
    assertThat(m.startFunction()).isEmpty();
  }

  @Test
  void reportsImportsAndStart() {
    ParsedModule withImport = parse(Corpus.read("hostile-import-memory.wasm"));
    assertThat(withImport.imports()).extracting(ImportEntry::kind).contains(ExternKind.MEMORY);
    assertThat(withImport.memory()).hasValueSatisfying(memory -> assertThat(memory.imported()).isTrue());
    assertThat(parse(Corpus.read("instr-start.wasm")).startFunction()).hasValue(0);
  }

  @Test
  void rejectsReservedNames() {
    assertInvalid(module(voidType(), oneFunction(), section(7, 1, 12, '_', '_', 'w', 'a', 's', 'm', 'h', 'i', 'v',
        'e', '_', 'x', 0, 0), ModuleBytes.code()), "reserved prefix");
    assertInvalid(module(voidType(), section(2, 1, 1, 'm', 11, '_', '_', 'w', 'a', 's', 'm', 'h', 'i', 'v', 'e',
        '_', 0, 0)), "reserved prefix");
  }

  @Test
  void rejectsBadHeadersAndStructure() {
    assertInvalid(new byte[0], "too short");
    assertInvalid(new byte[] {0, 'a', 's', 'n', 1, 0, 0, 0}, "bad magic");
    assertInvalid(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0}, "version 2");
    assertInvalid(module(section(14)), "unknown section id 14");
    assertInvalid(module(voidType(), voidType()), "out of order or repeated");
    assertInvalid(module(section(3, 0), voidType()), "out of order");
    assertInvalid(module(voidType(), oneFunction()), "without code section");
    assertInvalid(module(section(1, 1, 0x60, 0, 0, 0)), "size mismatch");
    assertInvalid(function(0xFF), "unknown opcode 0xff");
    // An expression needs its own final end (wabt 1.0.32 accepts both: MutationPropertyTest.KnownDifference).
    assertInvalid(function(0x02, 0x40), "unexpected end");
    assertInvalid(module(section(6, 1, 0x7F, 0, 0x41, 0)), "unexpected end in global section");
    // Data segment flags are 0, 1 or 2 (wabt 1.0.32 accepts up to 7, as for element segments).
    assertInvalid(module(memory(0, 1), section(11, 1, 4, 0x41, 0, 0x0B, 0)), "invalid data segment flags 4");
    assertInvalid(module(voidType(), oneFunction(), section(10, 1, 3, 0, 0x0B, 0x01)), "before its declared size");
    assertInvalid(module(section(7, 1, 1, 0xC0, 0, 0)), "UTF-8");
    assertInvalid(function(0xFC, 99), "unknown opcode 0xfc 99 in function 0 at offset 0x");
  }

  @Test
  void enforcesStructureCaps() {
    int[] imports = new int[3 + 1001 * 6];
    imports[0] = 0xE9;
    imports[1] = 0x07;
    for (int i = 0; i < 1001; i++) {
      System.arraycopy(new int[] {1, 'm', 1, 'f', 0, 0}, 0, imports, 2 + i * 6, 6);
    }
    assertInvalid(module(voidType(), section(2, java.util.Arrays.copyOf(imports, 2 + 1001 * 6))), "cap of 1000");
    // 50_001 locals in one declaration group: 0xD1 0x86 0x03.
    assertInvalid(module(voidType(), oneFunction(), section(10, 1, 6, 1, 0xD1, 0x86, 0x03, 0x7F, 0x0B)),
        "more than 50000 locals");
    assertInvalid(module(memory(0x08, 1)), "invalid memory limits flags");
  }

  @Test
  void nestingDepthIsCapped() {
    int depth = StructureCaps.MAX_NESTING + 1;
    byte[] body = new byte[depth * 3 + 2];
    for (int i = 0; i < depth; i++) {
      body[i * 2] = 0x02;
      body[i * 2 + 1] = 0x40;
    }
    ByteSink code = new ByteSink(body.length + 16);
    code.u32(1);
    code.u32(body.length);
    code.u8(0);
    code.bytes(body, 0, body.length - 1);
    ByteSink section = new ByteSink(0);
    section.section(10, code);
    byte[] bytes = module(voidType(), oneFunction(), section.toArray());
    assertThatThrownBy(() -> parse(bytes)).isInstanceOf(InvalidModuleException.class)
        .hasMessageContaining("nested deeper");
  }
}
