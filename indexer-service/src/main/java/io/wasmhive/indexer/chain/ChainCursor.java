package io.wasmhive.indexer.chain;

/**
 * How far the watcher got: every log at or before ({@code block}, {@code logIndex}) has been handed over and
 * accepted. {@link #WHOLE_BLOCK} as the log index means the whole block is done.
 *
 * @param block the last block with accepted logs, or -1 before block 0
 * @param logIndex the last accepted log index in {@code block}, or {@link #WHOLE_BLOCK}
 */
record ChainCursor(long block, long logIndex) {

  static final long WHOLE_BLOCK = Long.MAX_VALUE;

  ChainCursor {
    if (block < -1 || logIndex < 0) {
      throw new IllegalArgumentException("a cursor needs block >= -1 and logIndex >= 0, was " + block + "/" + logIndex);
    }
  }

  /** The cursor of a chain read from {@code startBlock} on: nothing before it is wanted. */
  static ChainCursor before(long startBlock) {
    return afterBlock(startBlock - 1);
  }

  static ChainCursor afterBlock(long block) {
    return new ChainCursor(block, WHOLE_BLOCK);
  }

  static ChainCursor after(RegistryEvent event) {
    return new ChainCursor(event.blockNumber(), event.logIndex());
  }

  /** The first block that may still hold logs not yet accepted. */
  long nextBlock() {
    return logIndex == WHOLE_BLOCK ? block + 1 : block;
  }

  /** Whether {@code event} was already accepted. */
  boolean covers(RegistryEvent event) {
    return event.blockNumber() < block || event.blockNumber() == block && event.logIndex() <= logIndex;
  }
}
