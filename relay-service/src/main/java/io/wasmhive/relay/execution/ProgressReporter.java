package io.wasmhive.relay.execution;

import io.wasmhive.relay.events.ExecutionEventPublisher;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Turns a guest's {@code host.progress(i32)} calls into {@code execution_progress} events, throttled per
 * execution ({@link ProgressThrottle}) and published off the worker thread by one background thread, so a slow
 * or unreachable Redis never eats into the guest's {@code max_time}. When more than 1024 reports wait, new ones
 * are dropped. Thread-safe.
 */
final class ProgressReporter implements AutoCloseable {

  private final ExecutionEventPublisher events;
  private final long intervalNanos;
  private final ThreadPoolExecutor publisher;

  ProgressReporter(ExecutionEventPublisher events, Duration interval) {
    this.events = events;
    this.intervalNanos = interval.toNanos();
    this.publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1024), r -> {
      Thread t = new Thread(r, "relay-progress");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.DiscardPolicy());
  }

  /** The progress listener of one execution. */
  ProgressThrottle forExecution(String requestId, String userId) {
    return new ProgressThrottle(percent -> publisher.execute(
        () -> events.publishQuietly(events.progress(requestId, userId, percent))), intervalNanos, System::nanoTime);
  }

  /**
   * Waits until the reports handed over so far are published, at most {@code timeout}, so that an execution's
   * progress events come before its final event. Blocks.
   */
  void flush(Duration timeout) {
    java.util.concurrent.FutureTask<Void> barrier = new java.util.concurrent.FutureTask<>(() -> null);
    publisher.execute(barrier);
    try {
      barrier.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // Dropped or slow: the final event goes out anyway.
    }
  }

  @Override
  public void close() {
    publisher.shutdown();
    try {
      publisher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
