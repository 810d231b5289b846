package io.wasmhive.indexer.index;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where index jobs live, one per CID (canonical v1 key). Implementations are thread-safe and block on I/O. */
public interface IndexJobStore {

  /**
   * Queues the CID unless it is queued, pinning or pinned already (a failed job is queued again), and adds the
   * alias (to the registry's aliases as well when {@code registry}). Returns the job and whether this call queued
   * it, i.e. whether work must be published.
   */
  Enqueued enqueue(String key, String cid, String alias, boolean registry);

  /** Marks a job pinned at once (the module was already stored), adding the alias. */
  IndexJob pinnedAlready(String key, String cid, String sha256, String alias);

  /**
   * Takes the job for one fetch: a queued job, or a pinning job whose lease ran out (its indexer died),
   * becomes pinning with one more attempt and a lease until now + {@code lease}. Empty when the job is pinned,
   * failed, absent or pinning under a live lease.
   */
  Optional<IndexJob> claim(String key, Duration lease);

  /** Records success. */
  void pinned(String key, String sha256);

  /** Records a failure; {@code retry} puts the job back in the queue instead of failing it. */
  void failed(String key, String error, List<String> gatewayFailures, boolean retry);

  Optional<IndexJob> find(String key);

  /** Jobs newest first, optionally of one status. */
  List<IndexJob> list(IndexStatus status, int offset, int limit);

  /** The job and whether {@link #enqueue} queued it. */
  record Enqueued(IndexJob job, boolean queued) {
  }
}
