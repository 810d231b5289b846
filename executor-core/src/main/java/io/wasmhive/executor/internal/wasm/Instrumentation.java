package io.wasmhive.executor.internal.wasm;

/**
 * The names an instrumented module exports for the host. The host calls {@link #SET_LIMITS} before
 * anything else (until then gas is 0 and every charge traps), then {@link #START} if exported, then
 * the entry point; after a trap {@link #GAS_LEFT} below zero means the guest ran out of gas.
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

    private Instrumentation() {
    }
}
