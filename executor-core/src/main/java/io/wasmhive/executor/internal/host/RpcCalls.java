package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.RpcHandler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs RPC handlers on their own threads so that a handler ignoring its timeout cannot hold the guest's
 * worker past the execution deadline: the worker stops waiting and the handler thread is interrupted.
 * Thread-safe; the pool is shared by all executions and its threads are daemons that die when idle.
 */
final class RpcCalls {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
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
        Future<byte[]> future = POOL.submit(() -> handler.handle(request, Duration.ofNanos(timeoutNanos)));
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
