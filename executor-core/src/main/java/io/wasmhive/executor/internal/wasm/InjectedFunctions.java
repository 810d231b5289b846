package io.wasmhive.executor.internal.wasm;

import static io.wasmhive.executor.internal.wasm.TypeTable.I32;
import static io.wasmhive.executor.internal.wasm.TypeTable.I64;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions the instrumenter appends after the module's own: the three host entry points, then
 * one helper per distinct {@code memory.grow}, bulk memory or multi-element table instruction
 * ({@link HelperBodies}), created as the rewriter meets them, then one call wrapper per exported function (see {@link Instrumentation#CALL_PREFIX}).
 */
final class InjectedFunctions {

  /** An appended function: its type index and its body (locals and code, without the size prefix). */
  record Function(int type, byte[] body) {
  }

  private final List<Function> functions = new ArrayList<>();
  private final Map<String, Integer> helpers = new HashMap<>();
  private final int base;
  private final TypeTable types;
  private final Globals globals;
  private final HelperBodies helperBodies;

  /** The three appended globals' indices. */
  record Globals(int gas, int maxPages, int denied) {
  }

  InjectedFunctions(int base, TypeTable types, Globals globals, List<TableInfo> tables, long maxTableElements) {
    this.base = base;
    this.types = types;
    this.globals = globals;
    this.helperBodies = new HelperBodies(new GasCharge(globals.gas()), globals, tables, maxTableElements);
    ByteSink setLimits = begin();
    setLimits.bytes(new byte[] {0x20, 0x00, 0x24});
    setLimits.u32(globals.gas());
    setLimits.bytes(new byte[] {0x20, 0x01, 0x24});
    setLimits.u32(globals.maxPages());
    setLimits.bytes(new byte[] {0x41, 0x00, 0x24});
    setLimits.u32(globals.denied());
    add(types.index(new byte[] {I64, I32}, new byte[0]), setLimits);
    add(types.index(new byte[0], new byte[] {I64}), getter(globals.gas()));
    add(types.index(new byte[0], new byte[] {I32}), getter(globals.denied()));
  }

  int setLimits() {
    return base;
  }

  int gasLeft() {
    return base + 1;
  }

  int memoryDenied() {
    return base + 2;
  }

  List<Function> functions() {
    return functions;
  }

  /** The helper replacing the instruction {@code module[at, end)}: see {@link HelperBodies}. */
  int helperFor(byte[] module, int at, int end, int key) {
    String id = new String(module, at, end - at, StandardCharsets.ISO_8859_1);
    Integer existing = helpers.get(id);
    if (existing != null) {
      return existing;
    }
    int index = base + functions.size();
    HelperBodies.Helper helper = helperBodies.build(module, at, end, key);
    add(types.index(helper.params(), helper.results()), helper.body());
    helpers.put(id, index);
    return index;
  }

  /**
   * Appends the wrapper of {@code function} ({@code params -> results}):
   * {@code (i64 gas, i32 maxPages, i32 flags, params...) -> (results..., i64 gasLeft)}. It sets the
   * limits, runs {@code start} if flag 1 is set and {@code init} if flag 2 is set (each -1 if absent),
   * calls the function and pushes the gas left. Returns its index.
   */
  int wrapper(int function, byte[] params, byte[] results, int start, int init) {
    ByteSink b = begin();
    b.bytes(new byte[] {0x20, 0x00, 0x24});
    b.u32(globals.gas());
    b.bytes(new byte[] {0x20, 0x01, 0x24});
    b.u32(globals.maxPages());
    b.bytes(new byte[] {0x41, 0x00, 0x24});
    b.u32(globals.denied());
    onFlag(b, Instrumentation.RUN_START, start);
    onFlag(b, Instrumentation.RUN_INITIALIZE, init);
    for (int i = 0; i < params.length; i++) {
      b.u8(0x20);
      b.u32(3 + i);
    }
    b.u8(0x10);
    b.u32(function);
    b.u8(0x23);
    b.u32(globals.gas());
    byte[] wrapperParams = new byte[params.length + 3];
    wrapperParams[0] = I64;
    wrapperParams[1] = I32;
    wrapperParams[2] = I32;
    System.arraycopy(params, 0, wrapperParams, 3, params.length);
    byte[] wrapperResults = Arrays.copyOf(results, results.length + 1);
    wrapperResults[results.length] = I64;
    int index = base + functions.size();
    add(types.index(wrapperParams, wrapperResults), b);
    return index;
  }

  /** {@code if (flags & flag) call function;} unless the function is absent. */
  private static void onFlag(ByteSink b, int flag, int function) {
    if (function < 0) {
      return;
    }
    b.bytes(new byte[] {0x20, 0x02, 0x41});
    b.s64(flag);
    b.bytes(new byte[] {0x71, 0x04, 0x40, 0x10});
    b.u32(function);
    b.u8(0x0B);
  }

  private ByteSink getter(int global) {
    ByteSink b = begin();
    b.u8(0x23);
    b.u32(global);
    return b;
  }

  private static ByteSink begin() {
    ByteSink b = new ByteSink(32);
    b.u8(0x00); // no locals
    return b;
  }

  private void add(int type, ByteSink body) {
    body.u8(0x0B);
    functions.add(new Function(type, body.toArray()));
  }
}
