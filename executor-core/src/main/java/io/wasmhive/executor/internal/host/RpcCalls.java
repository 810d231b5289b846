package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.RpcHandler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs RPC handlers on their own threads so that a handler ignoring its timeout cannot hold the guest's
 * worker past the execution deadline: the worker stops waiting and the handler thread is interrupted.
 * Thread-safe; the pool is shared by all executions, holds at most {@link #MAX_THREADS} daemon threads
 * (so handlers that hang on a dead endpoint cannot pile up threads without bound) and its threads die when idle.
 * A call finding every thread busy fails at once, and the guest gets a JSON-RPC error.
 */
final class RpcCalls {

    /** Most RPC handler calls in flight in the process. */
    static final int MAX_THREADS = 256;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "wasmhive-rpc-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private RpcCalls() {
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

    /** Calls {@code handler} and blocks for at most {@code timeoutNanos}. */
    static byte[] call(RpcHandler handler, byte[] request, long timeoutNanos) throws Failure {
        Future<byte[]> future;
        try {
            future = POOL.submit(() -> handler.handle(request, Duration.ofNanos(timeoutNanos)));
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
}
