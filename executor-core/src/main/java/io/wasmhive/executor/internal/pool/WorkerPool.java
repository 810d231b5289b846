package io.wasmhive.executor.internal.pool;

import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.OverloadedException;
import io.wasmhive.executor.ShutDownException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

/**
 * Worker threads taking tasks from a bounded queue. Submission never blocks: a full queue fails with
 * {@link OverloadedException}. Workers above the initial count retire after the idle timeout. Thread-safe.
 */
public final class WorkerPool {

  private static final long MIN_WAIT_NANOS = 10_000_000L;
  /**
   * How long an idle worker, and a caller waiting for a result, busy-poll before parking. Parking and
   * waking a thread costs about 15 µs each way here, more than a typed call itself; a short, bounded
   * spin keeps that off the common path. Threads spin only while spinning and running threads together
   * fit on the cores, so spinning never takes a core from a running guest.
   */
  private static final long SPIN_NANOS = 50_000L;
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private final PoolSettings settings;
  private final BiFunction<ExecutionTask, String, ExecutionResult> runner;
  private final Runnable threadWarmUp;
  private final Runnable threadCleanup;
  private final BlockingQueue<Job> queue;
  private final Set<Worker> workers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger idle = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger spinners = new AtomicInteger();
  private final AtomicInteger waitingCallers = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final LongAdder completed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private volatile boolean shutdown;

  /**
   * @param runner runs one task on the calling worker thread, named by the second argument
   * @param threadWarmUp run by each worker thread when it starts (prepares engine resources of that thread)
   * @param threadCleanup run by each worker thread before it exits (frees engine resources of that thread)
   */
  public WorkerPool(PoolSettings settings, BiFunction<ExecutionTask, String, ExecutionResult> runner,
           Runnable threadWarmUp, Runnable threadCleanup) {
    this.settings = settings;
    this.runner = runner;
    this.threadWarmUp = threadWarmUp;
    this.threadCleanup = threadCleanup;
    this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
    for (int i = 0; i < settings.initialWorkers(); i++) {
      startWorker();
    }
  }

  /** Queues a task; fails at once with {@link OverloadedException} when the queue is full. Non-blocking. */
  public CompletableFuture<ExecutionResult> submit(ExecutionTask task) {
    if (shutdown) {
      throw new ShutDownException("the pool is shutting down");
    }
    Job job = new Job(task);
    if (!queue.offer(job)) {
      rejected.increment();
      throw new OverloadedException("the task queue is full (" + settings.queueCapacity() + " tasks waiting)",
          settings.retryAfter());
    }
    growIfBacklogged();
    if (shutdown && queue.remove(job)) {
      throw new ShutDownException("the pool is shutting down");
    }
    return job.future;
  }

  /** Starts a worker when tasks wait that idle workers cannot take, below the maximum. */
  private void growIfBacklogged() {
    if (idle.get() < queue.size() && workers.size() < settings.maxWorkers()) {
      startWorker();
    }
  }

  /** Removes an idle worker from the set if the pool stays at or above its initial size. */
  private synchronized boolean tryRetire(Worker worker) {
    if (workers.size() > settings.initialWorkers()) {
      workers.remove(worker);
      return true;
    }
    return false;
  }

  private synchronized void startWorker() {
    if (shutdown || workers.size() >= settings.maxWorkers()) {
      return;
    }
    Worker worker = new Worker("wasmhive-worker-" + started.incrementAndGet());
    workers.add(worker);
    Thread thread = new Thread(null, worker, worker.name, settings.workerStackBytes());
    thread.setDaemon(true);
    worker.thread = thread;
    thread.start();
  }

  /** Retires idle workers above the initial count now, instead of waiting for their idle timeout. */
  public void cleanupIdleWorkers() {
    for (Worker w : workers) {
      if (w.idleSince > 0 && workers.size() > settings.initialWorkers()) {
        w.retire = true;
        w.thread.interrupt();
      }
    }
  }

  /** Takes no new tasks; queued and running ones finish. Non-blocking. */
  public void shutdown() {
    shutdown = true;
    for (Worker w : workers) {
      w.thread.interrupt();
    }
    if (workers.isEmpty()) {
      terminated.countDown();
    }
  }

  /** Waits until every worker has exited after {@link #shutdown()}. Blocks. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Waits for a result, busy-polling briefly before blocking (see {@link #SPIN_NANOS}). Blocks.
   */
  public ExecutionResult await(CompletableFuture<ExecutionResult> future) throws InterruptedException, ExecutionException {
    // Only a lone waiting caller spins: with many callers (HTTP request threads, say) their own work
    // needs the cores, and spinning halved a service's throughput in measurement.
    if (waitingCallers.incrementAndGet() == 1 && !future.isDone() && startSpinning()) {
      try {
        long until = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      } finally {
        spinners.decrementAndGet();
      }
    }
    try {
      return future.get();
    } finally {
      waitingCallers.decrementAndGet();
    }
  }

  /** Claims a spinning place if spinners and running guests fit on the cores; the caller releases it. */
  private boolean startSpinning() {
    if (spinners.incrementAndGet() + running.get() <= CORES) {
      return true;
    }
    spinners.decrementAndGet();
    return false;
  }

  public boolean isShutdown() {
    return shutdown;
  }

  public int totalWorkers() {
    return workers.size();
  }

  public int idleWorkers() {
    return idle.get();
  }

  /** Workers running a task right now. */
  public int runningWorkers() {
    return running.get();
  }

  public int queuedTasks() {
    return queue.size();
  }

  public long completedTasks() {
    return completed.sum();
  }

  public long failedTasks() {
    return failed.sum();
  }

  public long rejectedTasks() {
    return rejected.sum();
  }

  /** A queued task and the future of its result. */
  private static final class Job {
    final ExecutionTask task;
    final CompletableFuture<ExecutionResult> future = new CompletableFuture<>();

    Job(ExecutionTask task) {
      this.task = task;
    }
  }

  /** One worker thread's loop. */
  private final class Worker implements Runnable {
    final String name;
    volatile Thread thread;
    volatile long idleSince;
    volatile boolean retire;

    Worker(String name) {
      this.name = name;
    }

    @Override
    public void run() {
      try {
        warmUp();
        while (true) {
          Job job = next();
          if (job == null) {
            return;
          }
          // Submission's growth check races with workers taking jobs; a worker that leaves more
          // work queued and nobody idle adds the missing worker itself.
          growIfBacklogged();
          execute(job);
        }
      } finally {
        // Clean up before leaving the set, so that awaitTermination sees every thread's resources freed.
        threadCleanup.run();
        workers.remove(this);
        if (shutdown && workers.isEmpty()) {
          terminated.countDown();
        }
      }
    }

    /** The next job, or null when this worker should exit (it has then left the worker set). */
    private Job next() {
      while (true) {
        Job job = spinPoll();
        if (job != null) {
          return job;
        }
        if (shutdown || (retire && tryRetire(this))) {
          return null;
        }
        idleSince = System.nanoTime();
        idle.incrementAndGet();
        try {
          job = queue.poll(Math.max(settings.idleTimeout().toNanos(), MIN_WAIT_NANOS), TimeUnit.NANOSECONDS);
          if (job != null) {
            return job;
          }
          if (tryRetire(this)) {
            return null;
          }
        } catch (InterruptedException e) {
          // Woken for shutdown or retirement; the loop decides.
        } finally {
          idle.decrementAndGet();
          idleSince = 0;
        }
      }
    }

    private void warmUp() {
      try {
        threadWarmUp.run();
      } catch (RuntimeException e) {
        // A worker that could not prepare still works; its first execution prepares instead.
      }
    }

    private Job spinPoll() {
      Job job = queue.poll();
      if (job != null || !startSpinning()) {
        return job;
      }
      try {
        long until = System.nanoTime() + SPIN_NANOS;
        while (job == null && !shutdown && System.nanoTime() < until) {
          Thread.onSpinWait();
          job = queue.poll();
        }
        return job;
      } finally {
        spinners.decrementAndGet();
      }
    }

    private void execute(Job job) {
      ExecutionResult result;
      running.incrementAndGet();
      try {
        result = runner.apply(job.task, name);
      } catch (Throwable t) {
        failed.increment();
        job.future.completeExceptionally(t);
        return;
      } finally {
        running.decrementAndGet();
      }
      (result.success() ? completed : failed).increment();
      job.future.complete(result);
    }
  }
}
