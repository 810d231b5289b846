package io.wasmhive.executor.internal.wasm;

import io.wasmhive.executor.WasmFeature;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Rewrites one function body: a gas charge at the start of every basic block that costs something,
 * covering the static cost of the block's instructions, and calls to helpers in place of
 * {@code memory.grow}, the bulk memory instructions and the table instructions that touch many
 * elements. Not thread-safe; one per instrumentation.
 *
 * <p>The balance lives in an appended i64 local, so a charge is register arithmetic instead of a load
 * and a store of the gas global. The local is loaded from the global on entry and written back before
 * every call (and reloaded after it), return, tail call, {@code unreachable}, branch out of the
 * function and the final {@code end}, so callees, helpers and the host always find the global current
 * there; it is also stored at the top of each loop iteration, so that an interrupted loop has
 * reported most of what it burned. A function using exception handling, where unwinding would skip the write-back, or one that
 * has no room for another local, is metered on the global directly, as every function once was.
 *
 * <p>A block is a new basic block only where control can arrive from elsewhere. The code after the
 * {@code end} of a loop, or of a {@code block} that no branch targets, is reached only by falling
 * through, so its cost joins the charge of the code before it; the charge is only ever paid earlier,
 * never skipped, which keeps gas exact on every path that completes.
 */
final class BodyRewriter {

  private static final int HELPER = 0, STORE_BEFORE = 1, AROUND_CALL = 2;
  private static final boolean[] ENDS_BLOCK = new boolean[Opcodes.KEY_COUNT];
  private static final boolean[] EXCEPTIONS = new boolean[Opcodes.KEY_COUNT];
  /** Instructions replaced by a call to a helper ({@link HelperBodies}). */
  private static final boolean[] HELPED = new boolean[Opcodes.KEY_COUNT];

  static {
    // After these, control may arrive from elsewhere (a join or branch target) or not at all.
    for (int op : new int[] {Opcodes.LOOP, Opcodes.IF, Opcodes.ELSE, Opcodes.END, Opcodes.BR, Opcodes.BR_IF,
      Opcodes.BR_TABLE, Opcodes.RETURN, Opcodes.UNREACHABLE, Opcodes.THROW, Opcodes.RETHROW,
      Opcodes.THROW_REF, Opcodes.RETURN_CALL, Opcodes.RETURN_CALL_INDIRECT, Opcodes.CATCH,
      Opcodes.CATCH_ALL, Opcodes.DELEGATE}) {
      ENDS_BLOCK[op] = true;
    }
    for (int op : new int[] {Opcodes.MEMORY_GROW, Opcodes.MEMORY_FILL, Opcodes.MEMORY_COPY, Opcodes.MEMORY_INIT,
      Opcodes.TABLE_GROW, Opcodes.TABLE_FILL, Opcodes.TABLE_COPY, Opcodes.TABLE_INIT}) {
      HELPED[op] = true;
    }
    for (int op : new int[] {Opcodes.TRY, Opcodes.CATCH, Opcodes.THROW, Opcodes.RETHROW, Opcodes.THROW_REF,
      Opcodes.DELEGATE, Opcodes.CATCH_ALL, Opcodes.TRY_TABLE}) {
      EXCEPTIONS[op] = true;
    }
  }

  private final byte[] module;
  private final WasmReader r;
  private final WasmReader immediates;
  private final InstructionDecoder decoder;
  private final GasCosts costs;
  private final GasCharge charge;
  private final InjectedFunctions injected;
  private int[] pending = new int[64];
  private int pendingCount;
  private int[] labels = new int[16];
  private boolean[] targeted = new boolean[16];
  private int depth;
  private int gas;

  BodyRewriter(byte[] module, GasCosts costs, GasCharge charge, InjectedFunctions injected) {
    this.module = module;
    this.r = new WasmReader(module);
    this.r.where("code section");
    this.immediates = new WasmReader(module);
    this.decoder = new InstructionDecoder(r, new FeatureGate(EnumSet.allOf(WasmFeature.class), r));
    this.costs = costs;
    this.charge = charge;
    this.injected = injected;
  }

  /** The rewritten body {@code module[start, end)} (after its size prefix) of a function with {@code params} parameters. */
  ByteSink rewrite(int start, int end, int params) {
    r.limit(end);
    r.pos(start);
    int groups = r.u32();
    long locals = params;
    for (int g = 0; g < groups; g++) {
      locals += r.u32() & 0xFFFFFFFFL;
      r.u8();
    }
    int code = r.pos();
    if (locals < StructureCaps.MAX_LOCALS) {
      ByteSink out = new ByteSink(end - start + 64);
      out.u32(groups + 1);
      out.bytes(module, groups(start), code - groups(start));
      out.u8(0x01);
      out.u8(TypeTable.I64);
      charge.load(out, (int) locals);
      if (code(code, (int) locals, out)) {
        return out;
      }
    }
    ByteSink out = new ByteSink(end - start + 64);
    out.bytes(module, start, code - start);
    code(code, -1, out);
    return out;
  }

  /** Where the local groups start: after the group count. */
  private int groups(int start) {
    immediates.pos(start);
    immediates.u32();
    return immediates.pos();
  }

  /** Rewrites the code from {@code code} on; false if it met exception handling while using the local {@code gasLocal}. */
  private boolean code(int code, int gasLocal, ByteSink out) {
    gas = gasLocal;
    boolean local = gasLocal >= 0;
    r.pos(code);
    decoder.begin();
    depth = 1;
    int blockStart = code;
    long cost = 0;
    pendingCount = 0;
    while (!decoder.done()) {
      int at = r.pos();
      int key = decoder.next();
      cost += costs.of(key);
      boolean ends = ENDS_BLOCK[key];
      if (local) {
        if (EXCEPTIONS[key]) {
          return false;
        }
        ends = control(at, key, ends);
      } else if (HELPED[key]) {
        mark(at, HELPER, key);
      }
      if (ends) {
        flush(blockStart, r.pos(), cost, out);
        if (local && key == Opcodes.LOOP) {
          // Without this store a timeout in a call-free loop would report the gas at loop entry.
          // It costs a few percent on tight loops, far less than keeping the balance in the global.
          charge.store(out, gasLocal);
        }
        blockStart = r.pos();
        cost = 0;
      }
    }
    return true;
  }

  /** Tracks labels and marks where the local must be synchronised; returns whether {@code key} ends the block. */
  private boolean control(int at, int key, boolean ends) {
    switch (key) {
      case Opcodes.BLOCK, Opcodes.LOOP, Opcodes.IF -> push(key);
      case Opcodes.END -> {
        if (--depth == 0) {
          mark(at, STORE_BEFORE, key);
          return true;
        }
        return labels[depth] == Opcodes.IF || labels[depth] == Opcodes.BLOCK && targeted[depth];
      }
      case Opcodes.BR, Opcodes.BR_IF -> {
        immediates.pos(at + 1);
        branchTo(at, immediates.u32(), key);
      }
      case Opcodes.BR_TABLE -> {
        immediates.pos(at + 1);
        int n = immediates.u32();
        for (int i = 0; i <= n; i++) {
          branchTo(at, immediates.u32(), key);
        }
      }
      case Opcodes.RETURN, Opcodes.RETURN_CALL, Opcodes.RETURN_CALL_INDIRECT, Opcodes.UNREACHABLE ->
          mark(at, STORE_BEFORE, key);
      case Opcodes.CALL, Opcodes.CALL_INDIRECT -> mark(at, AROUND_CALL, key);
      default -> {
        if (HELPED[key]) {
          mark(at, HELPER, key);
        }
      }
    }
    return ends;
  }

  private void push(int kind) {
    if (depth == labels.length) {
      labels = Arrays.copyOf(labels, depth * 2);
      targeted = Arrays.copyOf(targeted, depth * 2);
    }
    labels[depth] = kind;
    targeted[depth++] = false;
  }

  /** A branch to relative label {@code label}: the function's own label leaves it, others make their block a join. */
  private void branchTo(int at, int label, int key) {
    int target = depth - 1 - label;
    if (target == 0) {
      // Marked once per instruction even for a br_table naming the function label several times.
      if (pendingCount == 0 || pending[pendingCount - 4] != at) {
        mark(at, STORE_BEFORE, key);
      }
    } else if (target > 0) {
      targeted[target] = true;
    }
    // A label out of range leaves the module invalid; the engine rejects it.
  }

  /** Records an action on the instruction at {@code at}, which ends at the reader's position. */
  private void mark(int at, int action, int key) {
    if (pendingCount + 4 > pending.length) {
      pending = Arrays.copyOf(pending, pending.length * 2);
    }
    pending[pendingCount++] = at;
    pending[pendingCount++] = r.pos();
    pending[pendingCount++] = action;
    pending[pendingCount++] = key;
  }

  /** Emits the charge for {@code module[from, to)}, then the block itself with the recorded actions applied. */
  private void flush(int from, int to, long cost, ByteSink out) {
    if (cost > 0) {
      charge.constant(out, cost, gas);
    }
    int cursor = from;
    for (int i = 0; i < pendingCount; i += 4) {
      int at = pending[i];
      int end = pending[i + 1];
      int key = pending[i + 3];
      out.bytes(module, cursor, at - cursor);
      boolean sync = gas >= 0 && (pending[i + 2] != HELPER || key != Opcodes.MEMORY_GROW);
      if (sync) {
        charge.store(out, gas);
      }
      if (pending[i + 2] == HELPER) {
        out.u8(0x10);
        out.u32(injected.helperFor(module, at, end, key));
      } else {
        out.bytes(module, at, end - at);
      }
      if (sync && pending[i + 2] != STORE_BEFORE) {
        charge.load(out, gas);
      }
      cursor = end;
    }
    out.bytes(module, cursor, to - cursor);
    pendingCount = 0;
  }
}
