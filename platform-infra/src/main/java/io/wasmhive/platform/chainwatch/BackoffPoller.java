package io.wasmhive.platform.chainwatch;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a poll on one thread of its own name: a poll, then a pause of {@code pollInterval}; after a failed poll
 * (it threw) the pause doubles from {@code pollInterval} up to {@code maxBackoff}. Start and stop are thread-safe;
 * stop waits for the poll in flight (10 s at most).
 */
public class BackoffPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BackoffPoller.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final String name;
  private final IntSupplier poll;
  private final Duration pollInterval;
  private final IntervalFunction backoff;
  private ScheduledThreadPoolExecutor executor;
  private volatile boolean running;
  private int failures;

  /**
   * @param name the thread's name, also in the log lines
   * @param poll one poll, answering how many items it handed over; throwing is a failure
   */
  public BackoffPoller(String name, IntSupplier poll, Duration pollInterval, Duration maxBackoff) {
    if (pollInterval.toMillis() <= 0 || maxBackoff.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException("the poll interval must be positive and the back-off at least as long");
    }
    this.name = name;
    this.poll = poll;
    this.pollInterval = pollInterval;
    this.backoff = IntervalFunction.ofExponentialBackoff(pollInterval, 2.0, maxBackoff);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    });
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
    stopped();
  }

  /** Called on stop, after the last poll, on the stopping thread; does nothing unless overridden. */
  protected void stopped() {
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** How many polls in a row have failed. */
  public int failures() {
    return failures;
  }

  private void poll() {
    Duration pause = pollInterval;
    try {
      int accepted = poll.getAsInt();
      failures = 0;
      log.debug("{}: a poll handed over {} items", name, accepted);
    } catch (RuntimeException e) {
      failures++;
      pause = Duration.ofMillis(backoff.apply(failures));
      log.warn("{}: poll failed ({} in a row), next in {}: {}", name, failures, pause, e.toString());
    }
    if (running && !executor.isShutdown()) {
      executor.schedule(this::poll, pause.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
