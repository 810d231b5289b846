package io.wasmhive.executor.internal.host;

import java.time.Instant;

/**
 * Deterministic time: realtime starts at 2024-01-01T00:00:00Z plus an offset under one day derived from the
 * execution seed, monotonic at another seed-derived value, and every read of any clock advances time by
 * exactly one microsecond. Sleeping advances it without waiting. Two executions with the same id read
 * the same sequence of times.
 */
final class VirtualHostClock implements HostClock {

  static final long TICK_NANOS = 1_000;

  private static final long EPOCH_2024_NANOS = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  /** Far beyond any real execution, and small enough that start plus elapsed never overflows. */
  private static final long MAX_ELAPSED = 1L << 62;

  private final long realtimeStart;
  private final long monotonicStart;
  private long elapsed;

  VirtualHostClock(byte[] seed) {
    realtimeStart = EPOCH_2024_NANOS + Math.floorMod(ExecutionSeed.longAt(seed, 0), MICROS_PER_DAY) * TICK_NANOS;
    monotonicStart = Math.floorMod(ExecutionSeed.longAt(seed, 8), MICROS_PER_DAY) * TICK_NANOS;
  }

  @Override
  public long now(int clockId) {
    HostClock.requireKnown(clockId);
    long value = (clockId == 0 ? realtimeStart : monotonicStart) + elapsed;
    elapsed += TICK_NANOS;
    return value;
  }

  @Override
  public long resolution(int clockId) {
    HostClock.requireKnown(clockId);
    return TICK_NANOS;
  }

  @Override
  public void sleep(long nanos) {
    if (nanos > 0) {
      // Saturate: a guest asking to sleep "forever" must not wrap the clock around.
      elapsed = nanos > MAX_ELAPSED - elapsed ? MAX_ELAPSED : elapsed + nanos;
    }
  }
}
