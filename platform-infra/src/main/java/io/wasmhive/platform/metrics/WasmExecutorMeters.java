package io.wasmhive.platform.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wasmhive.executor.PoolStats;
import io.wasmhive.executor.WasmExecutor;
import java.util.function.ToDoubleFunction;

/**
 * The executor pool's meters (seed 004's {@code get_stats}), read from {@link WasmExecutor#stats()} when scraped:
 * {@code wasm_executor_workers{state="busy"|"idle"}} (worker threads alive, by whether they run a task),
 * {@code wasm_executor_workers_max} (the pool's ceiling, {@code WASM_MAX_WORKERS}),
 * {@code wasm_executor_queued_tasks} (tasks waiting for a worker), {@code wasm_executor_queue_capacity} and
 * {@code wasm_executor_tasks_total{outcome="completed"|"failed"|"rejected"}}. No other tags. Thread-safe.
 */
public final class WasmExecutorMeters implements MeterBinder {

  private final WasmExecutor executor;

  public WasmExecutorMeters(WasmExecutor executor) {
    this.executor = executor;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "wasm.executor.workers", "Worker threads alive, by whether they run a task", "busy",
        PoolStats::busyWorkers);
    gauge(registry, "wasm.executor.workers", "Worker threads alive, by whether they run a task", "idle",
        PoolStats::availableWorkers);
    Gauge.builder("wasm.executor.workers.max", executor, e -> e.options().maxWorkers())
        .description("Most worker threads the pool may run (WASM_MAX_WORKERS)").register(registry);
    Gauge.builder("wasm.executor.queued.tasks", executor, e -> e.stats().queuedTasks())
        .description("Tasks waiting for a worker").register(registry);
    Gauge.builder("wasm.executor.queue.capacity", executor, e -> e.options().queueCapacity())
        .description("Tasks that may wait before submissions are refused (WASM_QUEUE_CAPACITY)").register(registry);
    counter(registry, "completed", PoolStats::completedTasks);
    counter(registry, "failed", PoolStats::failedTasks);
    counter(registry, "rejected", PoolStats::rejectedTasks);
  }

  private void gauge(MeterRegistry registry, String name, String description, String state,
      ToDoubleFunction<PoolStats> value) {
    Gauge.builder(name, executor, e -> value.applyAsDouble(e.stats())).description(description)
        .tag("state", state).register(registry);
  }

  private void counter(MeterRegistry registry, String outcome, ToDoubleFunction<PoolStats> value) {
    FunctionCounter.builder("wasm.executor.tasks", executor, e -> value.applyAsDouble(e.stats()))
        .description("Tasks the pool finished or refused, by outcome").tag("outcome", outcome).register(registry);
  }
}
