package io.wasmhive.executor.internal.host;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Real time. Monotonic and CPU clocks count from the start of the execution rather than the host's boot,
 * so the guest learns nothing of the machine's uptime.
 */
final class SystemHostClock implements HostClock {

  private final long originNanos = System.nanoTime();
  private final long deadlineNanos;

  SystemHostClock(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public long now(int clockId) {
    HostClock.requireKnown(clockId);
    if (clockId == 0) {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
    return System.nanoTime() - originNanos;
  }

  @Override
  public long resolution(int clockId) {
    HostClock.requireKnown(clockId);
    return clockId == 0 ? 1_000 : 1;
  }

  /** Blocks for {@code nanos}, but never past the execution's deadline: the engine stops the guest there. */
  @Override
  public void sleep(long nanos) {
    long wait = Math.min(nanos, deadlineNanos - System.nanoTime());
    if (wait <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WasiError(Errno.INTR);
    }
  }
}
