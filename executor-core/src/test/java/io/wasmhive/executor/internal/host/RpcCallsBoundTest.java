package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Handlers that hang cannot hold more than {@link RpcCalls#MAX_THREADS} threads; the next call fails at once. */
class RpcCallsBoundTest {

    @Test
    void callsBeyondTheThreadBoundFailAtOnceAndTheBoundFreesAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(RpcCalls.MAX_THREADS);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < RpcCalls.MAX_THREADS; i++) {
            Thread t = new Thread(() -> {
                try {
                    RpcCalls.call((request, timeout) -> {
                        entered.countDown();
                        release.await();
                        return request;
                    }, new byte[0], TimeUnit.SECONDS.toNanos(30));
                } catch (RpcCalls.Failure e) {
                    failures.incrementAndGet();
                }
            });
            t.start();
            callers.add(t);
        }
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        assertThatThrownBy(() -> RpcCalls.call((request, timeout) -> request, new byte[0], TimeUnit.SECONDS.toNanos(5)))
                .isInstanceOf(RpcCalls.Failure.class)
                .satisfies(e -> assertThat(((RpcCalls.Failure) e).timedOut()).isFalse());
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));

        release.countDown();
        for (Thread t : callers) {
            t.join(10_000);
        }
        assertThat(failures.get()).isZero();
        // Handler threads return to the pool a moment after their callers see the result.
        byte[] echoed = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (echoed == null && System.nanoTime() < deadline) {
            try {
                echoed = RpcCalls.call((request, timeout) -> request, "ok".getBytes(StandardCharsets.UTF_8), TimeUnit.SECONDS.toNanos(5));
            } catch (RpcCalls.Failure e) {
                Thread.sleep(10);
            }
        }
        assertThat(echoed).isNotNull();
        assertThat(new String(echoed, StandardCharsets.UTF_8)).isEqualTo("ok");
    }
}
