package io.wasmhive.executor;

/**
 * A snapshot of the pool (seed 004's {@code get_stats}).
 *
 * @param totalWorkers worker threads alive
 * @param availableWorkers workers not running a task (waiting for one)
 * @param busyWorkers workers running a task
 * @param queuedTasks tasks waiting for a worker
 * @param completedTasks tasks that finished successfully
 * @param failedTasks tasks that finished with an error
 * @param rejectedTasks submissions refused because the queue was full
 * @param cacheHits executions and registrations served by the compiled-module cache
 * @param cacheMisses registrations that had to compile
 * @param cachedModules compiled modules in the cache
 * @param instantiations instances created for executions
 * @param instanceReuses executions served by a kept instance reset to its just-instantiated state
 */
public record PoolStats(int totalWorkers, int availableWorkers, int busyWorkers, int queuedTasks,
                        long completedTasks, long failedTasks, long rejectedTasks,
                        long cacheHits, long cacheMisses, int cachedModules, long instantiations,
                        long instanceReuses) {
}
