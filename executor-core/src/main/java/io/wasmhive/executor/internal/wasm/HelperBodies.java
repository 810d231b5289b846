package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.ValTypes.I32;

import java.util.List;

/**
 * Builds the helpers that replace the instructions whose cost depends on their operands: {@code memory.grow}
 * (refused past the page cap), the bulk memory instructions (charged per {@link GasCosts#BULK_BYTES_PER_GAS}
 * bytes) and {@code table.grow}, {@code table.fill}, {@code table.copy}, {@code table.init} (charged one unit
 * per element; {@code table.grow} past the table cap returns -1 like a refused {@code memory.grow}). Each
 * helper takes the instruction's operands as parameters and ends with the original instruction.
 */
final class HelperBodies {

  /** A helper's type and body (locals and code, without the final {@code end}). */
  record Helper(byte[] params, byte[] results, ByteSink body) {
  }

  private final GasCharge charge;
  private final InjectedFunctions.Globals globals;
  private final List<TableInfo> tables;
  private final long maxTableElements;

  HelperBodies(GasCharge charge, InjectedFunctions.Globals globals, List<TableInfo> tables, long maxTableElements) {
    this.charge = charge;
    this.globals = globals;
    this.tables = tables;
    this.maxTableElements = maxTableElements;
  }

  /** The helper replacing the instruction {@code module[at, end)} with instruction key {@code key}. */
  Helper build(byte[] module, int at, int end, int key) {
    WasmReader r = new WasmReader(module);
    r.pos(at + 1);
    if (key != Opcodes.MEMORY_GROW) {
      r.u32(); // the 0xFC subopcode
    }
    byte[] three = {I32, I32, I32};
    return switch (key) {
      case Opcodes.MEMORY_GROW -> grow(r.u32());
      case Opcodes.MEMORY_FILL, Opcodes.MEMORY_COPY, Opcodes.MEMORY_INIT -> {
        ByteSink body = begin();
        charge.perBulkByte(body, 2, false);
        forward(body, module, at, end, 3);
        yield new Helper(three, ValTypes.NONE, body);
      }
      case Opcodes.TABLE_COPY, Opcodes.TABLE_INIT -> perElement(module, at, end, three, 2);
      case Opcodes.TABLE_FILL -> perElement(module, at, end, new byte[] {I32, refType(r.u32()), I32}, 2);
      case Opcodes.TABLE_GROW -> tableGrow(module, at, end, r.u32());
      default -> throw new IllegalArgumentException("no helper for key " + key);
    };
  }

  private byte refType(int table) {
    return tables.get(table).refType();
  }

  /** Charges one unit per element (parameter {@code n}), then performs the instruction. */
  private Helper perElement(byte[] module, int at, int end, byte[] params, int n) {
    ByteSink body = begin();
    charge.perElement(body, n);
    forward(body, module, at, end, params.length);
    return new Helper(params, ValTypes.NONE, body);
  }

  /**
   * {@code (init, n) -> old size or -1}: -1 past the table's maximum as rewritten (its own, at most the cap),
   * without charging for the elements; else one unit per element and the grow.
   */
  private Helper tableGrow(byte[] module, int at, int end, int table) {
    ByteSink b = begin();
    // n + table.size > cap, in 64-bit arithmetic so the sum cannot wrap.
    b.bytes(new byte[] {0x20, 0x01, (byte) 0xAD, (byte) 0xFC, 16});
    b.u32(table);
    b.bytes(new byte[] {(byte) 0xAD, 0x7C, 0x42});
    TableInfo t = tables.get(table);
    b.s64(Math.min(t.max().orElse(maxTableElements), maxTableElements));
    b.bytes(new byte[] {0x56, 0x04, I32, 0x41, 0x7F, 0x05});
    charge.perElement(b, 1);
    forward(b, module, at, end, 2);
    b.u8(0x0B);
    return new Helper(new byte[] {refType(table), I32}, new byte[] {I32}, b);
  }

  /** Refuses (returns -1, sets denied) a non-zero grow past the page cap; otherwise grows. */
  private Helper grow(int memory) {
    ByteSink b = begin();
    // delta != 0 && size + delta > max, in 64-bit arithmetic so the sum cannot wrap.
    b.bytes(new byte[] {0x20, 0x00, (byte) 0xAD, 0x3F});
    b.u32(memory);
    b.bytes(new byte[] {(byte) 0xAD, 0x7C, 0x23});
    b.u32(globals.maxPages());
    b.bytes(new byte[] {(byte) 0xAD, 0x56, 0x20, 0x00, 0x41, 0x00, 0x47, 0x71});
    b.bytes(new byte[] {0x04, I32, 0x41, 0x01, 0x24});
    b.u32(globals.denied());
    b.bytes(new byte[] {0x41, 0x7F, 0x05, 0x20, 0x00, 0x40});
    b.u32(memory);
    b.u8(0x0B);
    return new Helper(new byte[] {I32}, new byte[] {I32}, b);
  }

  /** {@code local.get 0 ... local.get n-1}, then the original instruction. */
  private static void forward(ByteSink body, byte[] module, int at, int end, int n) {
    for (int i = 0; i < n; i++) {
      body.u8(0x20);
      body.u32(i);
    }
    body.bytes(module, at, end - at);
  }

  private static ByteSink begin() {
    ByteSink b = new ByteSink(32);
    b.u8(0x00); // no locals
    return b;
  }
}
