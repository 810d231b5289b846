package io.wasmhive.relay.guard;

import java.time.Duration;

/** Checks shared by the guards' settings records. */
final class GuardSettings {

  private GuardSettings() {
  }

  /** Throws unless {@code value} is at least one millisecond. */
  static void requirePositive(Duration value, String property) {
    if (value == null || value.toMillis() < 1) {
      throw new IllegalArgumentException(property + " must be at least 1 ms, was " + value);
    }
  }

  /** A duration in whole milliseconds, at least one (Redis {@code PX} rejects zero). */
  static long millis(Duration value) {
    return Math.max(1, value.toMillis());
  }
}
