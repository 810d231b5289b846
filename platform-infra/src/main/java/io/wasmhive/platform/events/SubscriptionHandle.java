package io.wasmhive.platform.events;

import java.util.List;

/** A running subscription: its worker threads consume until {@link #close()}. Thread-safe. */
public interface SubscriptionHandle extends AutoCloseable {

  /** The stream it reads. */
  String stream();

  /** The consumer group it belongs to. */
  String group();

  /** The consumer names its workers use, one per worker. */
  List<String> consumers();

  /** Whether its workers are running (true until closed). */
  boolean isRunning();

  /** False while its last Redis command failed (Redis down), true once one succeeds again. */
  boolean isConnected();

  /** How many Redis commands of its workers have failed since it started. */
  long redisFailures();

  /**
   * Stops the workers: each finishes the entry it is handling, and entries it read but did not
   * handle stay pending for the group to reclaim. Blocks until the threads end, at most the block
   * timeout plus 10 seconds. Idempotent.
   */
  @Override
  void close();
}
