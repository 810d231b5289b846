package io.wasmhive.executor.internal.wasm;

/**
 * The names an instrumented module exports for the host.
 *
 * <p>One execution is one call: {@link #CALL_PREFIX} plus the entry's name sets the limits, runs the
 * start function and {@code _initialize} as its flags ask, calls the entry and returns its results
 * followed by the gas left. After a trap the host reads {@link #GAS_LEFT} (below zero means the guest ran
 * out of gas) and {@link #MEMORY_DENIED}. The separate {@link #SET_LIMITS} and {@link #START} remain for
 * hosts that drive the steps themselves; until limits are set, gas is 0 and every charge traps.
 *
 * <p>Metered functions keep the balance in a local and write it to the gas global before every call,
 * return, {@code unreachable} and branch out of the function, and at the top of every loop iteration.
 * So after an out-of-gas trap the global holds the negative balance, but after any other trap it holds
 * what was written back at the last such point, not the charges since. This is still deterministic:
 * the same module and input always report the same gas. After a timeout it lags by at most one loop
 * iteration or call-free stretch of code.
 */
public final class Instrumentation {

  /** {@code (i64 gas, i32 maxPages) -> ()}: sets the gas budget and the page cap, and clears the denied flag. */
  public static final String SET_LIMITS = "__wasmhive_set_limits";
  /** {@code () -> i64}: gas left; negative after an out-of-gas trap. Gas used is the budget minus this. */
  public static final String GAS_LEFT = "__wasmhive_gas_left";
  /** {@code () -> i32}: 1 if a {@code memory.grow} was refused because it would exceed the page cap, else 0. */
  public static final String MEMORY_DENIED = "__wasmhive_mem_denied";
  /** {@code () -> ()}: the module's start function, exported instead of run at instantiation. */
  public static final String START = "__wasmhive_start";
  /**
   * Prefix of the call wrapper of each exported function {@code f: (P...) -> (R...)}:
   * {@code (i64 gas, i32 maxPages, i32 flags, P...) -> (R..., i64 gasLeft)}. It does what
   * {@link #SET_LIMITS} does, then the flagged steps, then calls {@code f}. Functions with more than
   * {@link #MAX_WRAPPED_PARAMS} parameters or {@link #MAX_WRAPPED_RESULTS} results get no wrapper.
   */
  public static final String CALL_PREFIX = "__wasmhive_call:";
  /** Wrapper flag: run the module's start function (if it has one) first. */
  public static final int RUN_START = 1;
  /** Wrapper flag: call the module's {@code _initialize} export (if it is {@code () -> ()}) after the start function. */
  public static final int RUN_INITIALIZE = 2;
  /** Most parameters a wrapped function may have: engines allow 1000 and the wrapper adds three. */
  public static final int MAX_WRAPPED_PARAMS = 997;
  /** Most results a wrapped function may have: engines allow 1000 and the wrapper adds one. */
  public static final int MAX_WRAPPED_RESULTS = 999;

  private Instrumentation() {
  }

  /** The name of the call wrapper of the exported function {@code export}. */
  public static String call(String export) {
    return CALL_PREFIX + export;
  }
}
