package io.wasmhive.executor.internal.wasm;

import java.util.Arrays;

/**
 * Static gas cost of each instruction. Immutable and thread-safe; {@link #with} returns a copy.
 *
 * <p>Defaults: every instruction costs 1, including loads, stores, {@code if} and the branches, except
 * those that only delimit code and compile to nothing ({@code block}, {@code loop}, {@code else},
 * {@code end}, {@code nop}), which cost 0; {@code call} and {@code return_call} 5; {@code call_indirect} and
 * {@code return_call_indirect} 10; {@code memory.grow} and {@code table.grow} 50; integer and float
 * {@code div} and {@code rem} 3. {@code memory.fill}, {@code memory.copy} and {@code memory.init}
 * additionally cost one unit per {@value #BULK_BYTES_PER_GAS} bytes (the byte count divided by 64,
 * rounded down), charged when they run; {@code table.grow}, {@code table.fill}, {@code table.copy} and
 * {@code table.init} additionally cost one unit per element ({@code table.grow} only when it succeeds).
 *
 * <p>How charges are placed: each basic block pays its static cost on entry, and a block that costs
 * nothing gets no charge, which is why the structural instructions are free (the code after a loop's
 * {@code br_if} is often only {@code end}). A run that completes has paid exactly the sum of the costs
 * of the instructions it executed (code after a loop, or after a block no branch targets, is paid for
 * together with the code before it, never skipped); one stopped inside a block, by a trap or an exit in
 * a host call, has paid for all of that block. Out of gas, gas used is the budget. After any other
 * trap it is the balance last written back to the gas global, at a call, a return, an {@code unreachable},
 * a branch out of a function or a loop iteration (see {@link Instrumentation}): charges the trapping
 * function made since are not counted, and the figure is the same on every run.
 */
public final class GasCosts {

  /** Bytes of a bulk memory operation covered by one unit of gas. */
  public static final int BULK_BYTES_PER_GAS = 64;

  private static final GasCosts DEFAULTS = new GasCosts(defaultTable());

  private final int[] costs;

  private GasCosts(int[] costs) {
    this.costs = costs;
  }

  /** The default table described in the class comment. */
  public static GasCosts defaults() {
    return DEFAULTS;
  }

  /**
   * A copy with {@code instruction} (text-format name, e.g. {@code "i64.div_s"}) costing {@code cost}.
   *
   * @throws IllegalArgumentException if the name is unknown or the cost negative
   */
  public GasCosts with(String instruction, int cost) {
    int key = Opcodes.key(instruction);
    if (key < 0) {
      throw new IllegalArgumentException("unknown instruction " + instruction);
    }
    if (cost < 0) {
      throw new IllegalArgumentException("negative cost " + cost + " for " + instruction);
    }
    int[] copy = costs.clone();
    copy[key] = cost;
    return new GasCosts(copy);
  }

  /** The static cost of {@code instruction} (text-format name). */
  public int cost(String instruction) {
    int key = Opcodes.key(instruction);
    if (key < 0) {
      throw new IllegalArgumentException("unknown instruction " + instruction);
    }
    return costs[key];
  }

  /** The static cost by instruction key; the hot path of the rewriter. */
  int of(int key) {
    return costs[key];
  }

  private static int[] defaultTable() {
    int[] t = new int[Opcodes.KEY_COUNT];
    Arrays.fill(t, 1);
    for (String name : new String[] {"block", "loop", "else", "end", "nop"}) {
      t[Opcodes.key(name)] = 0;
    }
    for (String name : new String[] {"call", "return_call"}) {
      t[Opcodes.key(name)] = 5;
    }
    for (String name : new String[] {"call_indirect", "return_call_indirect"}) {
      t[Opcodes.key(name)] = 10;
    }
    for (String name : new String[] {"memory.grow", "table.grow"}) {
      t[Opcodes.key(name)] = 50;
    }
    for (String name : new String[] {"i32.div_s", "i32.div_u", "i32.rem_s", "i32.rem_u", "i64.div_s",
      "i64.div_u", "i64.rem_s", "i64.rem_u", "f32.div", "f64.div"}) {
      t[Opcodes.key(name)] = 3;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GasCosts g && Arrays.equals(costs, g.costs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(costs);
  }
}
