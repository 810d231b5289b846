package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.ChainCursor;
import io.wasmhive.platform.chainwatch.ChainCursorStore;
import io.wasmhive.platform.chainwatch.LogWatcher;
import java.util.OptionalLong;

/**
 * One poll of the registry on the shared {@link LogWatcher}: reads the events of blocks
 * {@code cursor+1 .. head-confirmations} in ranges of at most {@code maxBlockRange} blocks, hands each to the sink
 * in (block, log index) order, and saves the cursor after each accepted event and each finished range. An event
 * the sink refuses stops the poll with the cursor just before it; the next poll starts there.
 */
final class ChainWatcher {

  private final RegistryLogSource source;
  private final RegistryEventSink sink;
  private final LogWatcher watcher;
  private final String registry;
  private final long startBlock;
  private OptionalLong chainId = OptionalLong.empty();

  ChainWatcher(RegistryLogSource source, ChainCursorStore cursors, RegistryEventSink sink, ChainProperties properties) {
    this.source = source;
    this.sink = sink;
    this.watcher = new LogWatcher(cursors, properties.confirmations(), properties.maxBlockRange());
    this.registry = properties.registry();
    this.startBlock = properties.startBlock();
  }

  /**
   * Polls once and returns how many events the sink accepted. Blocks on the chain, the store and the sink.
   * Not thread-safe: one poll at a time.
   *
   * @throws io.wasmhive.platform.chainwatch.ChainRpcException when the chain does not answer; whatever the sink
   *     throws when it refuses an event
   */
  int pollOnce() {
    ChainCursorKey key = new ChainCursorKey(chainId(), registry);
    return watcher.pollOnce(key, source, ChainCursor.before(startBlock), this::handOver);
  }

  private void handOver(RegistryEvent event) {
    if (event instanceof ModuleRegistered created) {
      sink.created(created);
    } else {
      sink.updated((ModuleUpdated) event);
    }
  }

  private long chainId() {
    if (chainId.isEmpty()) {
      chainId = OptionalLong.of(source.chainId());
    }
    return chainId.getAsLong();
  }
}
