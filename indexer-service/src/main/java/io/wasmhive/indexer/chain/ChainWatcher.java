package io.wasmhive.indexer.chain;

import java.util.List;
import java.util.OptionalLong;

/**
 * One poll of the registry: reads the events of blocks {@code cursor+1 .. head-confirmations} in ranges of at
 * most {@code maxBlockRange} blocks, hands each to the sink in (block, log index) order, and saves the cursor
 * after each accepted event and each finished range. An event the sink refuses stops the poll with the cursor
 * just before it; the next poll starts there.
 */
final class ChainWatcher {

  private final RegistryLogSource source;
  private final ChainCursorStore cursors;
  private final RegistryEventSink sink;
  private final String registry;
  private final int confirmations;
  private final int maxBlockRange;
  private final long startBlock;
  private OptionalLong chainId = OptionalLong.empty();

  ChainWatcher(RegistryLogSource source, ChainCursorStore cursors, RegistryEventSink sink, ChainProperties properties) {
    this.source = source;
    this.cursors = cursors;
    this.sink = sink;
    this.registry = properties.registry();
    this.confirmations = properties.confirmations();
    this.maxBlockRange = properties.maxBlockRange();
    this.startBlock = properties.startBlock();
  }

  /**
   * Polls once and returns how many events the sink accepted. Blocks on the chain, the store and the sink.
   * Not thread-safe: one poll at a time.
   *
   * @throws ChainRpcException when the chain does not answer; whatever the sink throws when it refuses an event
   */
  int pollOnce() {
    ChainCursorKey key = new ChainCursorKey(chainId(), registry);
    long safeHead = source.headBlock() - confirmations;
    ChainCursor cursor = cursors.load(key).orElseGet(() -> ChainCursor.before(startBlock));
    int accepted = 0;
    while (cursor.nextBlock() <= safeHead) {
      long from = cursor.nextBlock();
      long to = Math.min(safeHead, from + maxBlockRange - 1);
      accepted += handOver(key, cursor, source.events(from, to));
      cursor = ChainCursor.afterBlock(to);
      cursors.save(key, cursor);
    }
    return accepted;
  }

  private int handOver(ChainCursorKey key, ChainCursor cursor, List<RegistryEvent> events) {
    int accepted = 0;
    for (RegistryEvent event : events) {
      if (cursor.covers(event)) {
        continue;
      }
      if (event instanceof ModuleRegistered created) {
        sink.created(created);
      } else {
        sink.updated((ModuleUpdated) event);
      }
      cursors.save(key, ChainCursor.after(event));
      accepted++;
    }
    return accepted;
  }

  private long chainId() {
    if (chainId.isEmpty()) {
      chainId = OptionalLong.of(source.chainId());
    }
    return chainId.getAsLong();
  }
}
