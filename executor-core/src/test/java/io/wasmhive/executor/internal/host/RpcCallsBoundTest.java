package io.wasmhive.executor.internal.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Handlers that hang cannot hold more than {@link RpcCalls#MAX_THREADS} threads; the next call fails at once.
 * Closing the pool ends its threads.
 */
class RpcCallsBoundTest {

  @Test
  void callsBeyondTheThreadBoundFailAtOnceAndTheBoundFreesAgain() throws Exception {
    try (RpcCalls calls = new RpcCalls()) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch entered = new CountDownLatch(RpcCalls.MAX_THREADS);
      AtomicInteger failures = new AtomicInteger();
      List<Thread> callers = new ArrayList<>();
      for (int i = 0; i < RpcCalls.MAX_THREADS; i++) {
        Thread t = new Thread(() -> {
          try {
            calls.call((request, timeout) -> {
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
      assertThatThrownBy(() -> calls.call((request, timeout) -> request, new byte[0], TimeUnit.SECONDS.toNanos(5)))
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
          echoed = calls.call((request, timeout) -> request, "ok".getBytes(StandardCharsets.UTF_8),
              TimeUnit.SECONDS.toNanos(5));
        } catch (RpcCalls.Failure e) {
          Thread.sleep(10);
        }
      }
      assertThat(echoed).isNotNull();
      assertThat(new String(echoed, StandardCharsets.UTF_8)).isEqualTo("ok");
    }
  }

  @Test
  void closingEndsEveryThreadIdleOrBusyAndRefusesLaterCalls() throws Exception {
    RpcCalls calls = new RpcCalls();
    Set<Thread> handlerThreads = ConcurrentHashMap.newKeySet();
    calls.call((request, timeout) -> {
      handlerThreads.add(Thread.currentThread());
      return request;
    }, new byte[0], TimeUnit.SECONDS.toNanos(5));
    CountDownLatch entered = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      try {
        calls.call((request, timeout) -> {
          handlerThreads.add(Thread.currentThread());
          entered.countDown();
          Thread.sleep(60_000);  // Ends only by interruption.
          return request;
        }, new byte[0], TimeUnit.SECONDS.toNanos(60));
      } catch (RpcCalls.Failure e) {
        // Expected: the handler was interrupted.
      }
    });
    caller.start();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    calls.close();

    assertThat(handlerThreads).isNotEmpty().noneMatch(Thread::isAlive);
    assertThatThrownBy(() -> calls.call((request, timeout) -> request, new byte[0], TimeUnit.SECONDS.toNanos(1)))
        .isInstanceOf(RpcCalls.Failure.class);
    caller.join(10_000);
    assertThat(caller.isAlive()).isFalse();
  }
}
