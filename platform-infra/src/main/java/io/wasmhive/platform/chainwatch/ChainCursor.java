package io.wasmhive.platform.chainwatch;

/**
 * How far a watcher got: every log at or before ({@code block}, {@code logIndex}) has been handed over and
 * accepted. {@link #WHOLE_BLOCK} as the log index means the whole block is done.
 *
 * @param block the last block with accepted logs, or -1 before block 0
 * @param logIndex the last accepted log index in {@code block}, or {@link #WHOLE_BLOCK}
 */
public record ChainCursor(long block, long logIndex) {

  /** The log index of a cursor past a whole block. */
  public static final long WHOLE_BLOCK = Long.MAX_VALUE;

  public ChainCursor {
    if (block < -1 || logIndex < 0) {
      throw new IllegalArgumentException("a cursor needs block >= -1 and logIndex >= 0, was " + block + "/" + logIndex);
    }
  }

  /** The cursor of a chain read from {@code startBlock} on: nothing before it is wanted. */
  public static ChainCursor before(long startBlock) {
    return afterBlock(startBlock - 1);
  }

  /** The cursor past the whole of {@code block}. */
  public static ChainCursor afterBlock(long block) {
    return new ChainCursor(block, WHOLE_BLOCK);
  }

  /** The cursor just past {@code position}. */
  public static ChainCursor after(ChainPosition position) {
    return new ChainCursor(position.blockNumber(), position.logIndex());
  }

  /** The first block that may still hold logs not yet accepted. */
  public long nextBlock() {
    return logIndex == WHOLE_BLOCK ? block + 1 : block;
  }

  /** Whether the log at {@code position} was already accepted. */
  public boolean covers(ChainPosition position) {
    return covers(position.blockNumber(), position.logIndex());
  }

  /** Whether the log at ({@code blockNumber}, {@code index}) was already accepted. */
  public boolean covers(long blockNumber, long index) {
    return blockNumber < block || blockNumber == block && index <= logIndex;
  }
}
