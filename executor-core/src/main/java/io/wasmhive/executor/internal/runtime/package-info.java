/**
 * The executor assembled from its parts: {@link io.wasmhive.executor.internal.runtime.PooledExecutor} wires the
 * registry, the worker pool, the runner and the engine behind {@link io.wasmhive.executor.WasmExecutor}, and
 * {@link io.wasmhive.executor.internal.runtime.DefaultExecutorProvider} hands it to the public package through
 * {@link java.util.ServiceLoader}, so that the public package depends on no internal one.
 */
package io.wasmhive.executor.internal.runtime;
