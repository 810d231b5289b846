package io.wasmhive.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * {@code wasmhive_redis_up}: 1 while this instance's last answered Redis {@code PING} is at most
 * {@code stale-after} old, else 0. One daemon thread pings every interval; a scrape only reads a time stamp, so it
 * never waits for Redis (a {@code PING} that hangs until the command timeout leaves the stamp to age). Started by
 * {@link #bindTo}, stopped by {@link #close()}. Thread-safe.
 */
public final class RedisUpMeter implements MeterBinder, AutoCloseable {

  private static final Log logger = LogFactory.getLog(RedisUpMeter.class);

  private final Runnable ping;
  private final Duration interval;
  private final long staleAfterNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong lastAnswered;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "wasmhive-redis-up");
    thread.setDaemon(true);
    return thread;
  });

  /** {@code ping} sends one {@code PING} and throws when it is not answered. */
  public RedisUpMeter(Runnable ping, Duration interval, Duration staleAfter) {
    this(ping, interval, staleAfter, System::nanoTime);
  }

  RedisUpMeter(Runnable ping, Duration interval, Duration staleAfter, LongSupplier nanoTime) {
    this.ping = ping;
    this.interval = interval;
    this.staleAfterNanos = staleAfter.toNanos();
    this.nanoTime = nanoTime;
    this.lastAnswered = new AtomicLong(nanoTime.getAsLong() - staleAfterNanos - 1);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("wasmhive.redis.up", this, RedisUpMeter::value)
        .description("1 while this instance's Redis PINGs are answered, 0 once none was for redis-stale-after")
        .register(registry);
    scheduler.scheduleWithFixedDelay(this::pingOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** 1 or 0 as the gauge reads now; never blocks. */
  double value() {
    return nanoTime.getAsLong() - lastAnswered.get() <= staleAfterNanos ? 1 : 0;
  }

  /** Sends one {@code PING}; blocks until it is answered or fails. */
  void pingOnce() {
    try {
      ping.run();
      lastAnswered.set(nanoTime.getAsLong());
    } catch (RuntimeException e) {
      logger.debug("Redis PING failed: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
