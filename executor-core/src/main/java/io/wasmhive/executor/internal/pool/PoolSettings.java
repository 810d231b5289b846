package io.wasmhive.executor.internal.pool;

import java.time.Duration;

/**
 * Settings of the worker pool.
 *
 * @param maxWorkers most worker threads
 * @param initialWorkers threads started at once and never retired for idleness
 * @param idleTimeout idle time after which a worker above the initial count exits
 * @param queueCapacity tasks that may wait; beyond it submissions are refused
 * @param workerStackBytes stack size of each worker thread
 * @param retryAfter the hint given with a refusal
 */
public record PoolSettings(int maxWorkers, int initialWorkers, Duration idleTimeout, int queueCapacity,
              long workerStackBytes, Duration retryAfter) {

  public PoolSettings {
    if (maxWorkers < 1 || initialWorkers < 0 || initialWorkers > maxWorkers || queueCapacity < 1) {
      throw new IllegalArgumentException("invalid pool settings");
    }
  }
}
