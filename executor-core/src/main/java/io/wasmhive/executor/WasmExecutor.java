package io.wasmhive.executor;

import io.wasmhive.executor.engine.WasmEngine;
import io.wasmhive.executor.internal.host.HostEnvironment;
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
 * The executor: registers modules and runs tasks on a pool of pre-warmed workers under hard limits.
 * Thread-safe. Create one per process and {@link #close()} it on shutdown.
 */
public final class WasmExecutor implements AutoCloseable {

    private final ExecutorOptions options;
    private final WasmEngine engine;
    private final ModuleRegistry registry;
    private final WorkerPool pool;

    private WasmExecutor(ExecutorOptions options, WasmEngine engine) {
        this.options = options;
        this.engine = engine;
        this.registry = new ModuleRegistry(engine, options.features(), options.maxModuleBytes(),
                options.maxPolicy().maxMemory(), options.maxTableElements(), options.cacheSize(), GasCosts.defaults());
        ExecutionRunner runner = new ExecutionRunner(registry, options);
        this.pool = new WorkerPool(new PoolSettings(options.maxWorkers(), options.initialWorkers(), options.idleTimeout(),
                options.queueCapacity(), options.workerStackBytes(), Duration.ofSeconds(1)),
                runner::run, () -> engine.warmUpThread(HostEnvironment.commonImports()), engine::releaseThreadResources);
    }

    /** An executor on the Wasmtime engine. */
    public static WasmExecutor create(ExecutorOptions options) {
        return new WasmExecutor(options, new WasmtimeEngine(new WasmtimeSettings(options.features(), options.enableJit(),
                options.maxWasmStack(), options.epochTick(), 256, (long) options.maxMemoryMb() * 1024 * 1024)));
    }

    /** An executor on the given engine (the contract tests run every engine through this). */
    public static WasmExecutor create(ExecutorOptions options, WasmEngine engine) {
        return new WasmExecutor(options, engine);
    }

    public ExecutorOptions options() {
        return options;
    }

    /** The engine's name, for example {@code wasmtime}. */
    public String engineName() {
        return engine.name();
    }

    /**
     * Checks, instruments, compiles and caches a module; registering the same bytes again is a cache hit.
     * Blocks while compiling. Thread-safe.
     *
     * @throws InvalidModuleException, ModuleTooLargeException, DisallowedFeatureException, UnknownImportException,
     *         MemoryLimitException (initial memory above the server maximum), ShutDownException (after
     *         {@link #shutdown()}: the engine is about to be freed)
     */
    public ModuleInfo register(byte[] bytes) {
        if (pool.isShutdown()) {
            throw new ShutDownException("the executor is shutting down");
        }
        return registry.register(bytes);
    }

    /** Whether {@link #shutdown()} or {@link #close()} was called. Thread-safe. */
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    /**
     * Queues a task. Never blocks: a full queue fails at once with {@link OverloadedException}, a pool
     * shutting down with {@link ShutDownException}. Guest failures complete the future normally with a failed result.
     */
    public CompletableFuture<ExecutionResult> submit(ExecutionTask task) {
        return pool.submit(task);
    }

    /** Runs a task and waits for its result. Blocks; throws only what {@link #submit} throws. */
    public ExecutionResult execute(ExecutionTask task) {
        return await(submit(task));
    }

    /**
     * Runs up to {@link ExecutorOptions#batchSize()} tasks, in parallel on the pool when
     * {@link ExecutorOptions#parallel()} is set, else one after another, and returns their results in order.
     * A task the pool refuses gets a failed result with that error. Blocks.
     */
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

    /** A snapshot of the pool and cache counters. Thread-safe. */
    public PoolStats stats() {
        int total = pool.totalWorkers();
        int busy = Math.min(total, pool.runningWorkers());
        return new PoolStats(total, total - busy, busy, pool.queuedTasks(), pool.completedTasks(),
                pool.failedTasks(), pool.rejectedTasks(), registry.hits(), registry.misses(), registry.size());
    }

    /** Stops idle workers above the initial count now. */
    public void cleanupIdleWorkers() {
        pool.cleanupIdleWorkers();
    }

    /** Refuses new tasks; queued and running tasks finish. Non-blocking. */
    public void shutdown() {
        pool.shutdown();
    }

    /** Waits for the workers to finish after {@link #shutdown()}. Blocks. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout);
    }

    /** Shuts down, waits up to 30 s for running tasks, then frees the cache and the engine. */
    @Override
    public void close() {
        shutdown();
        try {
            awaitTermination(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        registry.close();
        engine.close();
    }
}
