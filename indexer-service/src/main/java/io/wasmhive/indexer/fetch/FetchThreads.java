package io.wasmhive.indexer.fetch;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The fetcher's thread pools: bounded, named {@code indexer-fetch-…}, daemon, idle threads end after 30 s. */
final class FetchThreads {

  /** The prefix of every thread name. */
  static final String PREFIX = "indexer-fetch-";

  private FetchThreads() {
  }

  /** A pool of at most {@code threads} threads named {@code indexer-fetch-<role>-<n>}; tasks beyond wait in line. */
  static ThreadPoolExecutor pool(String role, int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread thread = new Thread(task, PREFIX + role + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), factory);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
