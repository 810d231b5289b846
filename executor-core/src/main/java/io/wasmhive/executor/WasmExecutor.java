package io.wasmhive.executor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The executor: registers modules and runs tasks on a pool of pre-warmed workers under hard limits.
 * Thread-safe. Create one per process with {@link #create} and {@link #close()} it on shutdown.
 */
public interface WasmExecutor extends AutoCloseable {

  /** An executor on the Wasmtime engine. */
  static WasmExecutor create(ExecutorOptions options) {
    return ExecutorProvider.installed().create(options);
  }

  ExecutorOptions options();

  /** The engine's name, for example {@code wasmtime}. */
  String engineName();

  /**
   * Checks, instruments, compiles and caches a module; registering the same bytes again is a cache hit.
   * Blocks while compiling. Thread-safe.
   *
   * @throws InvalidModuleException, ModuleTooLargeException, DisallowedFeatureException, UnknownImportException,
   *         MemoryLimitException (initial memory above the server maximum), ShutDownException (after
   *         {@link #shutdown()}: the engine is about to be freed)
   */
  ModuleInfo register(byte[] bytes);

  /**
   * What registration learned of the module with this id (the SHA-256 hex of its bytes): from the cache, else
   * registered now from the {@link ExecutorOptions#moduleSource() module source}. Blocks while reading and
   * compiling. Thread-safe.
   *
   * @throws ModuleNotFoundException when neither the cache nor the source has the module; what {@link #register}
   *         throws for the source's bytes; HostFailureException when the source fails or returns bytes of another
   *         hash; ShutDownException after {@link #shutdown()}
   */
  ModuleInfo load(String moduleId);

  /** Whether {@link #shutdown()} or {@link #close()} was called. Thread-safe. */
  boolean isShutdown();

  /**
   * Queues a task. Never blocks: a full queue fails at once with {@link OverloadedException}, a pool
   * shutting down with {@link ShutDownException}. Guest failures complete the future normally with a failed result.
   */
  CompletableFuture<ExecutionResult> submit(ExecutionTask task);

  /**
   * Runs a task and waits for its result. Blocks; throws only what {@link #submit} throws. Thread-safe.
   *
   * <p>How it waits: when it is the only caller waiting and the waiting callers, idle workers spinning and
   * running guests together fit on the cores, it busy-polls the result for at most 50 µs (parking and waking a
   * thread costs about as much as a short typed call), then parks until the result is there. Callers that wait
   * in many threads at once (request threads of a busy service) never spin. A caller that must never spin uses
   * {@link #submit} and waits on the future itself.
   */
  ExecutionResult execute(ExecutionTask task);

  /**
   * Runs up to {@link ExecutorOptions#batchSize()} tasks, in parallel on the pool when
   * {@link ExecutorOptions#parallel()} is set, else one after another, and returns their results in order.
   * A task the pool refuses gets a failed result with that error. Blocks.
   */
  List<ExecutionResult> executeBatch(List<ExecutionTask> tasks);

  /** A snapshot of the pool and cache counters. Thread-safe. */
  PoolStats stats();

  /** Stops idle workers above the initial count now. */
  void cleanupIdleWorkers();

  /** Refuses new tasks; queued and running tasks finish. Non-blocking. */
  void shutdown();

  /** Waits for the workers to finish after {@link #shutdown()}. Blocks. */
  boolean awaitTermination(Duration timeout) throws InterruptedException;

  /**
   * Shuts down, waits up to 30 s for running tasks, then ends the threads that run RPC handlers (waiting up to
   * 5 s for handlers that ignore interruption) and frees the cache and the engine. Blocks.
   */
  @Override
  void close();
}
