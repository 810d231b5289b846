package io.wasmhive.executor.internal.chicory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread per engine that, every tick, interrupts the threads whose guest code ran past its deadline;
 * Chicory's compiled code and its interpreter check {@link Thread#isInterrupted()} on calls and loop back edges.
 * A call only writes its thread's {@link DeadlineWatch}: no thread, task or allocation per call. Thread-safe.
 */
final class DeadlineTicker implements AutoCloseable {

  private final Set<DeadlineWatch> watches = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<DeadlineWatch> perThread = ThreadLocal.withInitial(this::register);
  private final Thread thread;
  private volatile boolean running = true;

  DeadlineTicker(long tickNanos) {
    this.thread = new Thread(() -> {
      while (running) {
        LockSupport.parkNanos(tickNanos);
        tick(System.nanoTime());
      }
    }, "wasmhive-chicory-deadline");
    thread.setDaemon(true);
    thread.start();
  }

  private DeadlineWatch register() {
    DeadlineWatch watch = new DeadlineWatch(Thread.currentThread());
    watches.add(watch);
    return watch;
  }

  /** The calling thread's watch. */
  DeadlineWatch watch() {
    return perThread.get();
  }

  /** Forgets the calling thread's watch (a worker calls this before it exits). */
  void release() {
    DeadlineWatch watch = perThread.get();
    if (!watch.busy()) {
      watches.remove(watch);
      perThread.remove();
    }
  }

  private void tick(long now) {
    for (DeadlineWatch watch : watches) {
      if (!watch.thread().isAlive()) {
        watches.remove(watch);
      } else {
        watch.fireIfDue(now);
      }
    }
  }

  /** Watches registered (for leak checks). */
  int watched() {
    return watches.size();
  }

  @Override
  public void close() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
