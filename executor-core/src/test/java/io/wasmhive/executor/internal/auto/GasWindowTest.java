package io.wasmhive.executor.internal.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GasWindowTest {

  private static final AutoSettings SETTINGS = new AutoSettings(1_000, 8);

  @Test
  void lightExecutionsNeverMoveTheModule() {
    GasWindow window = new GasWindow(SETTINGS);
    for (int i = 0; i < 10_000; i++) {
      assertThat(window.record(999)).as("execution %d", i).isFalse();
    }
  }

  @Test
  void halfOfAFullWindowHeavyMovesItAndNotBefore() {
    GasWindow window = new GasWindow(SETTINGS);
    // 4 heavy executions, but the window of 8 is not full yet.
    for (int i = 0; i < 4; i++) {
      assertThat(window.record(1_000)).isFalse();
    }
    for (int i = 0; i < 3; i++) {
      assertThat(window.record(10)).isFalse();
    }
    assertThat(window.record(10)).as("8th: 4 of 8 heavy").isTrue();
  }

  @Test
  void threeHeavyOfEightDoNotMoveIt() {
    GasWindow window = new GasWindow(SETTINGS);
    for (int i = 0; i < 800; i++) {
      assertThat(window.record(i % 8 < 3 ? 5_000 : 1)).as("execution %d", i).isFalse();
    }
  }

  @Test
  void oneExecutionOfWindowTimesTheThresholdMovesItAtOnce() {
    GasWindow window = new GasWindow(SETTINGS);
    assertThat(window.record(7_999)).isFalse();
    assertThat(new GasWindow(SETTINGS).record(8_000)).isTrue();
  }

  @Test
  void theDecisionIsAFunctionOfTheGasSequenceAlone() {
    Random random = new Random(42);
    long[] gas = new long[2_000];
    for (int i = 0; i < gas.length; i++) {
      gas[i] = random.nextInt(1_600);
    }
    assertThat(decisions(gas)).isEqualTo(decisions(gas)).isNotEmpty();
  }

  @Test
  void settingsOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> new AutoSettings(0, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AutoSettings(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AutoSettings(1, 65)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Integer> decisions(long[] gas) {
    GasWindow window = new GasWindow(SETTINGS);
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < gas.length; i++) {
      if (window.record(gas[i])) {
        at.add(i);
      }
    }
    return at;
  }
}
