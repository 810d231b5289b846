/**
 * The shared chain watcher: reading a chain's logs over block ranges with a confirmation depth and a persisted
 * cursor, so that a restart neither skips nor repeats. The indexer reads its registry contract's logs with it, the
 * workflow service the logs of workflows' {@code event} triggers.
 *
 * <p>The parts: {@link io.wasmhive.platform.chainwatch.LogWatcher} (one poll: blocks {@code cursor+1 ..
 * head-confirmations} in ranges of at most {@code maxBlockRange} blocks, each item handed over in (block, log
 * index) order, the cursor saved after each accepted item and each finished range); the cursor
 * {@link io.wasmhive.platform.chainwatch.ChainCursor} and its port
 * {@link io.wasmhive.platform.chainwatch.ChainCursorStore} with a MongoDB adapter
 * ({@link io.wasmhive.platform.chainwatch.MongoChainCursorStore}, collection chosen by the caller); the web3j
 * JSON-RPC client {@link io.wasmhive.platform.chainwatch.Web3jChain} (retried calls, {@code eth_getLogs} with a
 * {@link io.wasmhive.platform.chainwatch.LogFilter}); and {@link io.wasmhive.platform.chainwatch.BackoffPoller},
 * a poll loop on one thread that backs off after failures. Reorgs deeper than the confirmation depth are not
 * handled.
 */
package io.wasmhive.platform.chainwatch;
