package io.wasmhive.platform.events.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.wasmhive.platform.events.SubscriptionHandle;

/** A running subscription: a fixed pool of worker threads, one per consumer name. Thread-safe. */
final class RedisSubscription implements SubscriptionHandle {

  private static final Log logger = LogFactory.getLog(RedisSubscription.class);

  private static final Duration GRACE = Duration.ofSeconds(10);

  private final String stream;

  private final String group;

  private final List<String> consumers;

  private final Duration blockTimeout;

  private final Outage outage;

  private final AtomicBoolean running = new AtomicBoolean(true);

  private final CountDownLatch closed = new CountDownLatch(1);

  private final ExecutorService threads;

  RedisSubscription(String stream, String group, List<String> consumers, Duration blockTimeout) {
    this.stream = stream;
    this.group = group;
    this.consumers = List.copyOf(consumers);
    this.blockTimeout = blockTimeout;
    this.outage = new Outage("stream " + stream + ", group " + group);
    this.threads = Executors.newFixedThreadPool(consumers.size(), threadFactory(stream, group));
  }

  /** Starts the workers, one thread each. */
  void start(List<ConsumerWorker> workers) {
    workers.forEach(threads::execute);
    logger.info("Consuming " + stream + " as " + consumers + " of group " + group);
  }

  /** Waits up to the timeout or until the subscription closes; true if it closed. */
  boolean awaitClose(Duration timeout) {
    try {
      return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  Outage outage() {
    return outage;
  }

  @Override
  public void close() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    closed.countDown();
    threads.shutdown();
    try {
      if (!threads.awaitTermination(blockTimeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
        logger.warn("Workers of " + stream + "/" + group + " did not stop in time; interrupting them");
        threads.shutdownNow();
        threads.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
    logger.info("Stopped consuming " + stream + " as " + consumers + " of group " + group);
  }

  @Override
  public String stream() {
    return stream;
  }

  @Override
  public String group() {
    return group;
  }

  @Override
  public List<String> consumers() {
    return consumers;
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  @Override
  public boolean isConnected() {
    return !outage.isDown();
  }

  @Override
  public long redisFailures() {
    return outage.failures();
  }

  private static ThreadFactory threadFactory(String stream, String group) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "events-" + stream + "-" + group + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
