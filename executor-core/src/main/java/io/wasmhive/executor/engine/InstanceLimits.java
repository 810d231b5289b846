package io.wasmhive.executor.engine;

/**
 * Limits an engine enforces natively for one instance.
 *
 * @param deadlineNanos absolute {@link System#nanoTime()} after which guest code is interrupted with {@link GuestTrap.Kind#INTERRUPTED}
 */
public record InstanceLimits(long deadlineNanos) {
}
