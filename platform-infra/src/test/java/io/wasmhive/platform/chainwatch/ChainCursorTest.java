package io.wasmhive.platform.chainwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChainCursorTest {

  @Test
  void aWholeBlockCursorResumesAtTheNextBlock() {
    assertThat(ChainCursor.afterBlock(9).nextBlock()).isEqualTo(10);
    assertThat(ChainCursor.before(0).nextBlock()).isZero();
    assertThat(ChainCursor.before(42).nextBlock()).isEqualTo(42);
  }

  @Test
  void aCursorInsideABlockResumesInThatBlockAfterItsLog() {
    ChainCursor cursor = new ChainCursor(9, 1);
    assertThat(cursor.nextBlock()).isEqualTo(9);
    assertThat(cursor.covers(event(8, 5))).isTrue();
    assertThat(cursor.covers(event(9, 1))).isTrue();
    assertThat(cursor.covers(event(9, 2))).isFalse();
    assertThat(cursor.covers(event(10, 0))).isFalse();
    assertThat(ChainCursor.afterBlock(9).covers(event(9, 1_000_000))).isTrue();
  }

  @Test
  void aCursorBeforeBlockMinusOneOrANegativeLogIsRefused() {
    assertThat(new ChainCursor(-1, 0).block()).isEqualTo(-1);
    assertThatThrownBy(() -> new ChainCursor(-2, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChainCursor(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static ChainLog event(long block, long logIndex) {
    return new ChainLog("0x02", java.util.List.of(), "0x", block, logIndex, "0x03");
  }
}
