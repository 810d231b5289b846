package io.wasmhive.executor.internal.registry;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Instances of one module kept between executions so that the next one need not instantiate, closed
 * with the module. Holds whatever the runner wraps an instance in. Thread-safe.
 */
public final class IdleInstances {

  private final ConcurrentLinkedDeque<AutoCloseable> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger size = new AtomicInteger();
  private volatile boolean closed;

  IdleInstances() {
  }

  /** An idle instance, most recently used first (its memory is likeliest still in cache), or null. */
  public AutoCloseable poll() {
    AutoCloseable instance = idle.pollFirst();
    if (instance != null) {
      size.decrementAndGet();
    }
    return instance;
  }

  /** Keeps the instance unless {@code max} are already kept or the module is closed; false means the caller closes it. */
  public boolean offer(AutoCloseable instance, int max) {
    if (closed || size.incrementAndGet() > max) {
      size.decrementAndGet();
      return false;
    }
    idle.addFirst(instance);
    if (closed && idle.remove(instance)) {
      size.decrementAndGet();
      return false;
    }
    return true;
  }

  /** How many instances are kept now. */
  public int size() {
    return size.get();
  }

  /** Closes every kept instance and refuses new ones; the module's last reference calls this. */
  void closeAll() {
    closed = true;
    AutoCloseable instance;
    while ((instance = poll()) != null) {
      try {
        instance.close();
      } catch (Exception e) {
        // Closing a kept instance cannot fail in a way the caller could act on; the module is going anyway.
      }
    }
  }
}
