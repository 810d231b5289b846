/**
 * {@code WASM_ENGINE=auto}: a {@link io.wasmhive.executor.engine.WasmEngine} over two others that runs each module
 * on the engine cheapest to enter (short calls) until the gas its executions use shows that it computes
 * enough to be worth the engine that runs code fastest, and then there for good. Both engines run the same
 * instrumented bytes and give identical results (the differential tests), so the choice changes no result.
 */
package io.wasmhive.executor.internal.auto;
