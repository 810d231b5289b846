/**
 * The second {@link io.wasmhive.executor.engine.WasmEngine}: Chicory, a pure-Java WebAssembly runtime whose
 * compiler turns each module into JVM bytecode once (ADR 0021). It runs the same instrumented bytes as the
 * Wasmtime engine after a NaN-canonicalising rewrite, interrupts guests at their deadline through thread
 * interruption set by one ticker thread, and maps Chicory's traps to the same {@link
 * io.wasmhive.executor.engine.GuestTrap.Kind}s Wasmtime reports.
 */
package io.wasmhive.executor.internal.chicory;
