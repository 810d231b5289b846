package io.wasmhive.executor.internal.auto;

/**
 * The recent executions of one module, heavy or not, and the rule of {@link AutoSettings} over them. A
 * function of the sequence of gas figures alone, so the same executions always lead to the same decision.
 * Thread-safe.
 */
final class GasWindow {

  private final AutoSettings settings;
  private long heavyBits;
  private int seen;

  GasWindow(AutoSettings settings) {
    this.settings = settings;
  }

  /** Records one execution; true when, with it, the module should move to the heavy engine. */
  synchronized boolean record(long gasUsed) {
    int window = settings.window();
    long mask = window == 64 ? -1L : (1L << window) - 1;
    heavyBits = ((heavyBits << 1) | (gasUsed >= settings.heavyGas() ? 1 : 0)) & mask;
    seen = Math.min(window, seen + 1);
    if (gasUsed / window >= settings.heavyGas()) {
      return true;
    }
    return seen == window && 2 * Long.bitCount(heavyBits) >= window;
  }
}
