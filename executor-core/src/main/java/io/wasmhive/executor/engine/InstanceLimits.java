package io.wasmhive.executor.engine;

/**
 * Limits an engine enforces natively for one instance, and whether it should be able to reset it.
 *
 * @param deadlineNanos absolute {@link System#nanoTime()} after which guest code is interrupted with {@link GuestTrap.Kind#INTERRUPTED}
 * @param resettable whether the caller means to {@link EngineInstance#checkpoint()} and reuse the instance (an
 *     engine may then track what executions change, at a small cost per memory write)
 */
public record InstanceLimits(long deadlineNanos, boolean resettable) {

  /** Limits for an instance used once. */
  public InstanceLimits(long deadlineNanos) {
    this(deadlineNanos, false);
  }
}
