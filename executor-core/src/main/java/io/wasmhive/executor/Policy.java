package io.wasmhive.executor;

/**
 * Resource limits of one execution. A field of {@code 0} means "the executor's default"; a field above the
 * executor's maximum is rejected with {@link InvalidTaskException}.
 *
 * @param maxMemory bytes of linear memory the guest may have
 * @param maxGas units of gas (see docs/architecture.md for the cost table)
 * @param maxTime wall-clock milliseconds
 * @param maxOutput bytes of stdout and of stderr each, and of a bytes-call result
 */
public record Policy(long maxMemory, long maxGas, long maxTime, long maxOutput) {

  /** All defaults. */
  public static final Policy DEFAULT = new Policy(0, 0, 0, 0);

  public Policy {
    if (maxMemory < 0 || maxGas < 0 || maxTime < 0 || maxOutput < 0) {
      throw new InvalidTaskException("policy values must not be negative: " + maxMemory + ", " + maxGas + ", " + maxTime + ", " + maxOutput);
    }
  }

  /** This policy with every unset field taken from {@code defaults}. */
  public Policy orDefaults(Policy defaults) {
    return new Policy(
        maxMemory == 0 ? defaults.maxMemory : maxMemory,
        maxGas == 0 ? defaults.maxGas : maxGas,
        maxTime == 0 ? defaults.maxTime : maxTime,
        maxOutput == 0 ? defaults.maxOutput : maxOutput);
  }

  /** Fails with {@link InvalidTaskException} naming the first field above {@code maxima}. */
  public void checkWithin(Policy maxima) {
    check("max_memory", maxMemory, maxima.maxMemory);
    check("max_gas", maxGas, maxima.maxGas);
    check("max_time", maxTime, maxima.maxTime);
    check("max_output", maxOutput, maxima.maxOutput);
  }

  private static void check(String field, long value, long max) {
    if (value > max) {
      throw new InvalidTaskException(field + " " + value + " exceeds the server maximum " + max);
    }
  }
}
