package io.wasmhive.executor.internal.chicory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One worker thread's deadline state, shared with the {@link DeadlineTicker}. The ticker interrupts the thread only
 * while it runs guest code ({@code GUEST}), never while a host function runs ({@code HOST}: a blocking host call
 * must not see an {@link InterruptedException} the guest's deadline caused), and the thread clears the interrupt it
 * was given before it leaves the outermost call, so no interrupt flag outlives the execution. Only the owning
 * thread calls the methods other than {@link #fireIfDue}.
 */
final class DeadlineWatch {

  private static final int IDLE = 0, GUEST = 1, HOST = 2, FIRING = 3, FIRED = 4;

  private final Thread thread;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  private volatile long deadline;
  private int depth;
  private Object owner;

  DeadlineWatch(Thread thread) {
    this.thread = thread;
  }

  Thread thread() {
    return thread;
  }

  boolean busy() {
    return depth > 0;
  }

  /**
   * Enters a guest call of {@code owner}; the outermost one arms the watch with {@code deadlineNanos}, and
   * interrupts at once if that has passed (the ticker may not get a core soon on a loaded machine).
   */
  void enter(Object owner, long deadlineNanos) {
    if (depth++ == 0) {
      this.owner = owner;
      this.deadline = deadlineNanos;
      state.set(GUEST);
      fireIfDue(System.nanoTime());
    }
  }

  /** Leaves a guest call; the outermost one disarms the watch and clears the interrupt it caused, if any. */
  void exit() {
    if (--depth > 0) {
      return;
    }
    owner = null;
    if (!state.compareAndSet(GUEST, IDLE) && !state.compareAndSet(HOST, IDLE)) {
      while (state.get() == FIRING) {
        Thread.onSpinWait();
      }
      Thread.interrupted();
      state.set(IDLE);
    }
  }

  /** Whether the ticker interrupted the current call. */
  boolean fired() {
    int s = state.get();
    return s == FIRING || s == FIRED;
  }

  /** Moves the deadline of the running call of {@code owner}, if it is the one armed. */
  void moveDeadline(Object owner, long deadlineNanos) {
    if (depth > 0 && this.owner == owner) {
      this.deadline = deadlineNanos;
    }
  }

  /**
   * A host function starts (or a re-entered export returned to one): no interrupt until it returns. False when the
   * ticker interrupted first, so that no host code runs with the guest's interrupt pending.
   */
  boolean toHost() {
    return state.compareAndSet(GUEST, HOST);
  }

  /** A host function returned (or re-enters the guest): interruptible again. */
  void toGuest() {
    state.compareAndSet(HOST, GUEST);
  }

  /** Called by the ticker: interrupts the thread if it runs guest code past its deadline. */
  void fireIfDue(long now) {
    if (state.get() == GUEST && now - deadline >= 0 && state.compareAndSet(GUEST, FIRING)) {
      thread.interrupt();
      state.set(FIRED);
    }
  }
}
