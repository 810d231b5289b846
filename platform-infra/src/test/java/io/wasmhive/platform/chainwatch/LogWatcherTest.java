package io.wasmhive.platform.chainwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared poll without a chain: ranges, bounds, confirmations, the cursor and refusals. */
class LogWatcherTest {

  private final Map<String, ChainCursor> saved = new HashMap<>();
  private final ChainCursorStore store = new ChainCursorStore() {
    @Override
    public Optional<ChainCursor> load(CursorKey key) {
      return Optional.ofNullable(saved.get(key.id()));
    }

    @Override
    public void save(CursorKey key, ChainCursor cursor) {
      saved.put(key.id(), cursor);
    }
  };
  private final CursorKey key = () -> "k";
  private final List<long[]> reads = new ArrayList<>();
  /** One log per block, at log index 0. */
  private final LogWatcher.RangeReader<ChainLog> chain = (from, to) -> {
    reads.add(new long[] {from, to});
    List<ChainLog> logs = new ArrayList<>();
    for (long b = from; b <= to; b++) {
      logs.add(new ChainLog("0x01", List.of(), "0x", b, 0, "0x" + b));
    }
    return logs;
  };

  @Test
  void rangesAreBoundedAndAPollStopsAfterItsMostRanges() {
    LogWatcher watcher = new LogWatcher(store, 2, 3);
    List<Long> seen = new ArrayList<>();
    long safeHead = watcher.safeHead(12);
    assertThat(safeHead).isEqualTo(10);

    assertThat(watcher.pollOnce(key, chain, safeHead, ChainCursor.before(0), 2, l -> seen.add(l.blockNumber())))
        .isEqualTo(6);
    assertThat(reads).containsExactly(new long[] {0, 2}, new long[] {3, 5});
    assertThat(saved.get("k")).isEqualTo(ChainCursor.afterBlock(5));

    watcher.pollOnce(key, chain, safeHead, ChainCursor.before(0), 10, l -> seen.add(l.blockNumber()));
    assertThat(reads).hasSize(4);
    assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(watcher.pollOnce(key, chain, safeHead, ChainCursor.before(0), 10, l -> seen.add(0L))).isZero();
  }

  @Test
  void aRefusedItemStopsThePollJustBeforeItAndComesAgain() {
    LogWatcher watcher = new LogWatcher(store, 0, 100);
    List<Long> seen = new ArrayList<>();
    assertThatThrownBy(() -> watcher.pollOnce(key, chain, 5, ChainCursor.before(0), 10, l -> {
      if (l.blockNumber() == 3) {
        throw new IllegalStateException("not now");
      }
      seen.add(l.blockNumber());
    })).hasMessage("not now");
    assertThat(saved.get("k")).isEqualTo(new ChainCursor(2, 0));
    watcher.pollOnce(key, chain, 5, ChainCursor.before(0), 10, l -> seen.add(l.blockNumber()));
    assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> new LogWatcher(store, -1, 10)).hasMessageContaining("confirmations");
    assertThatThrownBy(() -> new LogWatcher(store, 0, 0)).hasMessageContaining("block range");
  }
}
