/**
 * The chain watcher: an optional source of work that reads a module registry contract's
 * {@code WasmCreated}/{@code WasmUpdated} logs with {@code eth_getLogs} and hands them, decoded and in chain
 * order, to a {@link io.wasmhive.indexer.chain.RegistryEventSink}.
 *
 * <p>It owns the events it emits ({@link io.wasmhive.indexer.chain.ModuleRegistered},
 * {@link io.wasmhive.indexer.chain.ModuleUpdated}), their decoding, the sink port the indexer implements and the
 * {@code indexer.chain.*} configuration. The watching itself (block ranges, confirmation depth, the cursor and its
 * MongoDB adapter, here on collection {@code chain_cursors}, the retried web3j calls, the back-off loop) is the
 * shared {@code io.wasmhive.platform.chainwatch} of platform-infra. Delivery is by (block, log index): an event is handed over
 * once the head is {@code confirmations} blocks past it, and the cursor is saved after each accepted event and
 * each finished block range, so a restart neither skips nor repeats. Reorgs deeper than the confirmation depth
 * are not handled.
 */
package io.wasmhive.indexer.chain;
