package io.wasmhive.workflow.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one ticker across instances: every instance ticks every {@code workflow.schedule.tick}, and only the one that
 * holds (or takes, or renews) the Redis lease fires the due schedules. A tick that fails (a store unreachable) is
 * logged and the next one tries again. Started and stopped with the application; stopping gives the lease up.
 */
class ScheduleTicker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ScheduleTicker.class);

  /** How long stopping waits for a tick in progress and the lease's release. */
  static final int STOP_WAIT_SECONDS = 3;

  private final ScheduleService schedules;
  private final LeaderLease lease;
  private final ScheduleProperties properties;
  private ScheduledExecutorService thread;
  private volatile boolean leading;

  ScheduleTicker(ScheduleService schedules, LeaderLease lease, ScheduleProperties properties) {
    this.schedules = schedules;
    this.lease = lease;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread t = new Thread(runnable, "workflow-schedule-ticker");
      t.setDaemon(true);
      return t;
    });
    long millis = properties.tick().toMillis();
    thread.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** One tick: lead or not, and fire what is due when leading. Runs on the ticker's thread. */
  void tick() {
    try {
      boolean now = lease.acquireOrRenew();
      if (now != leading) {
        log.info("workflow schedules: this instance {} the lease", now ? "holds" : "no longer holds");
        leading = now;
      }
      if (now) {
        schedules.fireDue(properties.batch());
      }
    } catch (RuntimeException e) {
      log.warn("workflow schedules: tick failed ({}); trying again next tick", e.toString());
    }
  }

  /**
   * Stops ticking and gives the lease up, on the ticker's own thread and waiting at most {@value #STOP_WAIT_SECONDS}
   * seconds: when Redis is already gone (its embedded process stopped first) the release would otherwise wait for
   * the client's command timeout, and the lease ends by itself anyway.
   */
  @Override
  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    thread.execute(() -> {
      try {
        lease.release();
      } catch (RuntimeException e) {
        log.warn("workflow schedules: the lease was not given up ({}); it ends by itself", e.toString());
      }
    });
    thread.shutdown();
    try {
      if (!thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("workflow schedules: the ticker did not stop within {}s; left to end with the process",
            STOP_WAIT_SECONDS);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
    leading = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return thread != null;
  }

  /** Whether this instance held the lease at its last tick. */
  boolean leading() {
    return leading;
  }

  /** The lease it ticks under. */
  LeaderLease lease() {
    return lease;
  }
}
