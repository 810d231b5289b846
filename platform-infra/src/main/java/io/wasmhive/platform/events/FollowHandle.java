package io.wasmhive.platform.events;

/** A running follow of a stream ({@link EventBus#follow}): its thread reads until {@link #close()}. Thread-safe. */
public interface FollowHandle extends AutoCloseable {

  /** The stream it follows. */
  String stream();

  /** Whether its thread is running (true until closed). */
  boolean isRunning();

  /** False until its first Redis command succeeds and while its last one failed; true otherwise. */
  boolean isConnected();

  /** How many of its Redis commands have failed since it started. */
  long redisFailures();

  /** The id of the last entry handed to the follower, or where following started; null before either. */
  String lastId();

  /** Entries handed to the follower so far. */
  long entriesRead();

  /** Stops the thread after the read in flight; blocks at most the block timeout plus 5 seconds. Idempotent. */
  @Override
  void close();
}
