/**
 * The Wasmtime engine behind {@link io.wasmhive.executor.engine.WasmEngine}, through wasmtime-java 0.19
 * (Wasmtime 7). Each worker thread keeps one store whose host functions are created once and rebound to
 * each execution, because creating a host function in this binding compiles a trampoline (about 100 µs).
 */
package io.wasmhive.executor.internal.wasmtime;
