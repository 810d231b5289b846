package io.wasmhive.executor.internal.auto;

/**
 * When a module moves from the light engine to the heavy one: once at least half of its last {@code window}
 * executions each used {@code heavyGas} or more, or any one used {@code window * heavyGas} or more.
 *
 * @param heavyGas gas from which an execution counts as heavy
 * @param window how many recent executions the decision looks at
 */
public record AutoSettings(long heavyGas, int window) {

  public AutoSettings {
    if (heavyGas < 1 || window < 1 || window > 64) {
      throw new IllegalArgumentException("heavyGas must be positive and window between 1 and 64");
    }
  }
}
