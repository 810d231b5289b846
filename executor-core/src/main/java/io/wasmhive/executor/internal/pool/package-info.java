/**
 * The worker pool (seed 004): pre-warmed worker threads with large stacks, a bounded task queue that
 * refuses work at once when full, growth up to {@code max_workers}, idle retirement, statistics and
 * graceful shutdown.
 */
package io.wasmhive.executor.internal.pool;
