package io.wasmhive.executor.internal.runtime;

import io.wasmhive.executor.ExecutionResult;
import io.wasmhive.executor.ExecutionTask;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.HostFailureException;
import io.wasmhive.executor.InvalidTaskException;
import io.wasmhive.executor.ModuleInfo;
import io.wasmhive.executor.OverloadedException;
import io.wasmhive.executor.PoolStats;
import io.wasmhive.executor.ShutDownException;
import io.wasmhive.executor.WasmExecutor;
import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.chicory.ChicoryEngine;
import io.wasmhive.executor.internal.chicory.ChicorySettings;
import io.wasmhive.executor.internal.host.HostEnvironment;
import io.wasmhive.executor.internal.host.RpcCalls;
import io.wasmhive.executor.internal.pool.PoolSettings;
import io.wasmhive.executor.internal.pool.WorkerPool;
import io.wasmhive.executor.internal.registry.ModuleRegistry;
import io.wasmhive.executor.internal.run.ExecutionRunner;
import io.wasmhive.executor.internal.wasm.GasCosts;
import io.wasmhive.executor.internal.wasmtime.WasmtimeEngine;
import io.wasmhive.executor.internal.wasmtime.WasmtimeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The {@link WasmExecutor} of executor-core: a {@link ModuleRegistry} and a {@link WorkerPool} whose workers run
 * tasks with an {@link ExecutionRunner} on one {@link WasmEngine}. Thread-safe.
 */
public final class PooledExecutor implements WasmExecutor {

  private final ExecutorOptions options;
  private final WasmEngine engine;
  private final ModuleRegistry registry;
  private final RpcCalls rpcCalls = new RpcCalls();
  private final WorkerPool pool;

  private PooledExecutor(ExecutorOptions options, WasmEngine engine) {
    this.options = options;
    this.engine = engine;
    this.registry = new ModuleRegistry(engine, options.moduleSource(), options.features(), options.maxModuleBytes(),
        options.maxPolicy().maxMemory(), options.maxTableElements(), options.cacheSize(), GasCosts.defaults());
    ExecutionRunner runner = new ExecutionRunner(registry, options, rpcCalls);
    this.pool = new WorkerPool(new PoolSettings(options.maxWorkers(), options.initialWorkers(), options.idleTimeout(),
        options.queueCapacity(), options.workerStackBytes(), Duration.ofSeconds(1)),
        runner::run, () -> engine.warmUpThread(HostEnvironment.commonImports()), engine::releaseThreadResources);
  }

  /** An executor on the engine the options choose. */
  public static PooledExecutor create(ExecutorOptions options) {
    return new PooledExecutor(options, engine(options));
  }

  /** The engine {@link ExecutorOptions#engine()} names, configured from the options. */
  public static WasmEngine engine(ExecutorOptions options) {
    return switch (options.engine()) {
      case WASMTIME -> new WasmtimeEngine(new WasmtimeSettings(options.features(), options.enableJit(),
          options.maxWasmStack(), options.epochTick(), 256, (long) options.maxMemoryMb() * 1024 * 1024));
      // Only Wasmtime refuses hosts other than x86-64 (HostArchitecture); Chicory is pure Java and runs anywhere.
      case CHICORY -> new ChicoryEngine(new ChicorySettings(options.features(), options.epochTick()));
    };
  }

  /** An executor on the given engine (the contract tests run every engine through this). */
  public static PooledExecutor create(ExecutorOptions options, WasmEngine engine) {
    return new PooledExecutor(options, engine);
  }

  @Override
  public ExecutorOptions options() {
    return options;
  }

  @Override
  public String engineName() {
    return engine.name();
  }

  @Override
  public ModuleInfo register(byte[] bytes) {
    if (pool.isShutdown()) {
      throw new ShutDownException("the executor is shutting down");
    }
    return registry.register(bytes);
  }

  @Override
  public ModuleInfo load(String moduleId) {
    if (pool.isShutdown()) {
      throw new ShutDownException("the executor is shutting down");
    }
    return registry.load(moduleId);
  }

  @Override
  public boolean isShutdown() {
    return pool.isShutdown();
  }

  @Override
  public CompletableFuture<ExecutionResult> submit(ExecutionTask task) {
    return pool.submit(task);
  }

  @Override
  public ExecutionResult execute(ExecutionTask task) {
    return await(submit(task));
  }

  @Override
  public List<ExecutionResult> executeBatch(List<ExecutionTask> tasks) {
    if (tasks.size() > options.batchSize()) {
      throw new InvalidTaskException("a batch holds at most " + options.batchSize() + " tasks, got " + tasks.size());
    }
    List<CompletableFuture<ExecutionResult>> futures = new ArrayList<>(tasks.size());
    List<ExecutionResult> results = new ArrayList<>(tasks.size());
    for (ExecutionTask task : tasks) {
      CompletableFuture<ExecutionResult> f = refusedAsResult(task);
      if (options.parallel()) {
        futures.add(f);
      } else {
        results.add(await(f));
      }
    }
    futures.forEach(f -> results.add(await(f)));
    return results;
  }

  private CompletableFuture<ExecutionResult> refusedAsResult(ExecutionTask task) {
    try {
      return submit(task);
    } catch (OverloadedException | ShutDownException e) {
      return CompletableFuture.completedFuture(
          new ExecutionResult(task.id(), e, 0, new byte[0], new byte[0], List.of(), null, 0, 0, ""));
    }
  }

  private ExecutionResult await(CompletableFuture<ExecutionResult> future) {
    try {
      return pool.await(future);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HostFailureException("interrupted while waiting for the execution", e);
    } catch (ExecutionException | CompletionException | CancellationException e) {
      throw new HostFailureException(HostFailureException.MESSAGE, e.getCause());
    }
  }

  @Override
  public PoolStats stats() {
    int total = pool.totalWorkers();
    int busy = Math.min(total, pool.runningWorkers());
    return new PoolStats(total, total - busy, busy, pool.queuedTasks(), pool.completedTasks(),
        pool.failedTasks(), pool.rejectedTasks(), registry.hits(), registry.misses(), registry.size());
  }

  @Override
  public void cleanupIdleWorkers() {
    pool.cleanupIdleWorkers();
  }

  @Override
  public void shutdown() {
    pool.shutdown();
  }

  @Override
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return pool.awaitTermination(timeout);
  }

  /** After the workers: no execution is left to call a handler, so the RPC threads can end. */
  @Override
  public void close() {
    shutdown();
    try {
      awaitTermination(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rpcCalls.close();
    registry.close();
    engine.close();
  }
}
