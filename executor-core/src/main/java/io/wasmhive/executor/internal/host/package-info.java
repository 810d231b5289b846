/**
 * The host interface guests import, independent of any engine: a WASI preview1 subset over in-memory
 * stdio and a virtual filesystem, deterministic or real clocks and randomness, and the {@code host}
 * module ({@code rpc_call}, {@code progress}) plus the file-based RPC bridge, the {@code db} module of derivation
 * reducers ({@code exec}, {@code query}, {@code error}, answered by the task's
 * {@link io.wasmhive.executor.DatabaseHandler}), and the {@code env} imports of
 * AssemblyScript ({@code abort}, {@code seed}, {@code trace}). Nothing here touches the
 * real filesystem, network, environment or any other resource of the host machine. Engine adapters wrap
 * the {@link io.wasmhive.executor.engine.HostFunction}s that {@link io.wasmhive.executor.internal.host.HostEnvironment} hands out.
 */
package io.wasmhive.executor.internal.host;
