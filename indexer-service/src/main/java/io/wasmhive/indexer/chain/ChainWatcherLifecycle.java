package io.wasmhive.indexer.chain;

import io.wasmhive.platform.chainwatch.BackoffPoller;
import java.time.Duration;

/**
 * Runs the {@link ChainWatcher} on one thread, {@code chain-watcher}, with the shared {@link BackoffPoller}: a
 * poll, then a pause of {@code poll-interval}; after a failed poll (chain unreachable, sink refused an event) the
 * pause doubles from {@code poll-interval} up to {@code max-backoff}. Start and stop are thread-safe; stop waits for
 * the poll in flight.
 */
final class ChainWatcherLifecycle extends BackoffPoller {

  ChainWatcherLifecycle(ChainWatcher watcher, Duration pollInterval, Duration maxBackoff) {
    super("chain-watcher", watcher::pollOnce, pollInterval, maxBackoff);
  }
}
