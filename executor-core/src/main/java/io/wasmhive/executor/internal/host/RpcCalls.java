package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.RpcHandler;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One executor's threads for RPC handlers, so that a handler ignoring its timeout cannot hold the guest's
 * worker past the execution deadline: the worker stops waiting and the handler thread is interrupted.
 * Thread-safe; holds at most {@link #MAX_THREADS} daemon threads (so handlers that hang on a dead endpoint cannot
 * pile up threads without bound), and its threads die when idle. A call finding every thread busy fails at once,
 * and the guest gets a JSON-RPC error. The executor that creates it {@link #close() closes} it.
 */
public final class RpcCalls implements AutoCloseable {

  /** Most RPC handler calls in flight in one executor. */
  public static final int MAX_THREADS = 256;

  /** How long {@link #close()} waits for handler threads that ignore their interruption. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final String namePrefix = "wasmhive-rpc-" + POOLS.incrementAndGet() + "-";
  private final AtomicInteger threadCount = new AtomicInteger();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS,
      new SynchronousQueue<>(), this::newThread);

  /**
   * A daemon thread, remembered so that {@link #close()} can wait for it. Threads that have ended are forgotten
   * here, so the set holds little more than the live threads.
   */
  private Thread newThread(Runnable task) {
    threads.removeIf(t -> t.getState() == Thread.State.TERMINATED);
    Thread thread = new Thread(task, namePrefix + threadCount.incrementAndGet());
    thread.setDaemon(true);
    threads.add(thread);
    return thread;
  }

  /** Why a call produced no response. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    Failure(boolean timedOut, Throwable cause) {
      super(timedOut ? "timed out" : "failed", cause);
      this.timedOut = timedOut;
    }

    boolean timedOut() {
      return timedOut;
    }
  }

  /** Calls {@code handler} on a thread of this pool and blocks for at most {@code timeoutNanos}. */
  byte[] call(RpcHandler handler, byte[] request, long timeoutNanos) throws Failure {
    Future<byte[]> future;
    try {
      future = pool.submit(() -> handler.handle(request, Duration.ofNanos(timeoutNanos)));
    } catch (RejectedExecutionException e) {
      throw new Failure(false, e);
    }
    try {
      return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new Failure(true, e);
    } catch (ExecutionException e) {
      throw new Failure(false, e.getCause());
    } catch (InterruptedException e) {
      // The worker is being stopped; keep the flag so the executor sees it after the guest returns.
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new Failure(false, e);
    }
  }

  /**
   * Refuses further calls, interrupts running handlers and waits until every thread of this pool has ended, at most
   * {@link #CLOSE_TIMEOUT} (a handler ignoring interruption is left to end on its own; its thread is a daemon).
   * Blocks; idempotent.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
    try {
      for (Thread thread : threads) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
