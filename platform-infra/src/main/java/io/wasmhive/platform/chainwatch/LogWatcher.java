package io.wasmhive.platform.chainwatch;

import java.util.List;

/**
 * Polls of one log stream: reads the items of blocks {@code cursor+1 .. safeHead} (the head less the confirmation
 * depth) in ranges of at most {@code maxBlockRange} blocks, hands each to the handler in (block, log index) order,
 * and saves the cursor after each accepted item and each finished range. An item the handler refuses (by
 * throwing) stops the poll with the cursor just before it; the next poll starts there. A crash between an
 * acceptance and the cursor write hands that item again, so handlers should be idempotent. Stateless apart from
 * its settings: thread-safe, though one cursor should be polled by one thread at a time.
 */
public final class LogWatcher {

  /** Providers cap a log query well below this; a larger range is a configuration mistake. */
  public static final int MAX_BLOCK_RANGE_LIMIT = 100_000;

  private final ChainCursorStore cursors;
  private final int confirmations;
  private final int maxBlockRange;

  /**
   * @param cursors where cursors are kept
   * @param confirmations how many blocks must follow a block before its logs are handed over (0 or more)
   * @param maxBlockRange the most blocks one read covers (1 to {@value #MAX_BLOCK_RANGE_LIMIT})
   */
  public LogWatcher(ChainCursorStore cursors, int confirmations, int maxBlockRange) {
    if (confirmations < 0) {
      throw new IllegalArgumentException("confirmations must not be negative, was " + confirmations);
    }
    if (maxBlockRange < 1 || maxBlockRange > MAX_BLOCK_RANGE_LIMIT) {
      throw new IllegalArgumentException("the block range must be between 1 and " + MAX_BLOCK_RANGE_LIMIT
          + ", was " + maxBlockRange);
    }
    this.cursors = cursors;
    this.confirmations = confirmations;
    this.maxBlockRange = maxBlockRange;
  }

  /** Reads the items of a block range, sorted by (block, log index). */
  @FunctionalInterface
  public interface RangeReader<E extends ChainPosition> {
    List<E> read(long from, long to);
  }

  /** Takes one item; returning accepts it, throwing refuses it (and stops the poll before it). */
  @FunctionalInterface
  public interface Handler<E extends ChainPosition> {
    void accept(E item);
  }

  /** The last block whose logs may be handed over when the chain's head is {@code head}. */
  public long safeHead(long head) {
    return head - confirmations;
  }

  /** The confirmation depth. */
  public int confirmations() {
    return confirmations;
  }

  /** The most blocks one read covers. */
  public int maxBlockRange() {
    return maxBlockRange;
  }

  /**
   * One poll of {@code source} up to its head less the confirmations, every range up to it.
   *
   * @param initial the cursor when none is stored for {@code key}
   * @return how many items the handler accepted
   */
  public <E extends ChainPosition> int pollOnce(CursorKey key, EventSource<E> source, ChainCursor initial,
      Handler<? super E> handler) {
    return pollOnce(key, source::events, safeHead(source.headBlock()), initial, Integer.MAX_VALUE, handler);
  }

  /**
   * One poll up to {@code safeHead}, at most {@code maxRanges} reads (so that one poll of many streams stays
   * bounded; the rest waits for the next poll).
   *
   * @param initial the cursor when none is stored for {@code key}
   * @return how many items the handler accepted
   */
  public <E extends ChainPosition> int pollOnce(CursorKey key, RangeReader<E> reader, long safeHead,
      ChainCursor initial, int maxRanges, Handler<? super E> handler) {
    ChainCursor cursor = cursors.load(key).orElse(initial);
    int accepted = 0;
    int ranges = 0;
    while (cursor.nextBlock() <= safeHead && ranges < maxRanges) {
      long from = cursor.nextBlock();
      long to = Math.min(safeHead, from + maxBlockRange - 1);
      for (E item : reader.read(from, to)) {
        if (cursor.covers(item)) {
          continue;
        }
        handler.accept(item);
        cursor = ChainCursor.after(item);
        cursors.save(key, cursor);
        accepted++;
      }
      cursor = ChainCursor.afterBlock(to);
      cursors.save(key, cursor);
      ranges++;
    }
    return accepted;
  }
}
