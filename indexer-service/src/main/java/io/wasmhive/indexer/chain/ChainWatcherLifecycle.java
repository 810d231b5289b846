package io.wasmhive.indexer.chain;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link ChainWatcher} on one thread, {@code chain-watcher}: a poll, then a pause of
 * {@code poll-interval}; after a failed poll (chain unreachable, sink refused an event) the pause doubles from
 * {@code poll-interval} up to {@code max-backoff}. Start and stop are thread-safe; stop waits for the poll in
 * flight.
 */
final class ChainWatcherLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChainWatcherLifecycle.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final ChainWatcher watcher;
  private final Duration pollInterval;
  private final IntervalFunction backoff;
  private ScheduledThreadPoolExecutor executor;
  private volatile boolean running;
  private int failures;

  ChainWatcherLifecycle(ChainWatcher watcher, Duration pollInterval, Duration maxBackoff) {
    this.watcher = watcher;
    this.pollInterval = pollInterval;
    this.backoff = IntervalFunction.ofExponentialBackoff(pollInterval, 2.0, maxBackoff);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    executor = new ScheduledThreadPoolExecutor(1, task -> new Thread(task, "chain-watcher"));
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    running = true;
    executor.execute(this::poll);
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void poll() {
    Duration pause = pollInterval;
    try {
      int accepted = watcher.pollOnce();
      failures = 0;
      log.debug("chain poll handed over {} registry events", accepted);
    } catch (RuntimeException e) {
      failures++;
      pause = Duration.ofMillis(backoff.apply(failures));
      log.warn("chain poll failed ({} in a row), next in {}: {}", failures, pause, e.toString());
    }
    scheduleNext(pause);
  }

  private void scheduleNext(Duration pause) {
    if (running && !executor.isShutdown()) {
      executor.schedule(this::poll, pause.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
