package io.wasmhive.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wasmhive.executor.ExecutorOptions;
import io.wasmhive.executor.WasmExecutor;
import org.junit.jupiter.api.Test;

/** The pool's meters read a real executor's stats: the ceiling and capacity configured, the workers started. */
class WasmExecutorMetersTest {

  @Test
  void thePoolsStatsAreExported() {
    try (WasmExecutor executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(3).initialWorkers(2)
        .queueCapacity(7).build())) {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      new WasmExecutorMeters(executor).bindTo(registry);
      assertThat(registry.get("wasm.executor.workers.max").gauge().value()).isEqualTo(3);
      assertThat(registry.get("wasm.executor.queue.capacity").gauge().value()).isEqualTo(7);
      assertThat(registry.get("wasm.executor.queued.tasks").gauge().value()).isZero();
      double busy = registry.get("wasm.executor.workers").tag("state", "busy").gauge().value();
      double idle = registry.get("wasm.executor.workers").tag("state", "idle").gauge().value();
      assertThat(busy).isZero();
      assertThat(busy + idle).isEqualTo(executor.stats().totalWorkers()).isGreaterThanOrEqualTo(1);
      for (String outcome : new String[] {"completed", "failed", "rejected"}) {
        assertThat(registry.get("wasm.executor.tasks").tag("outcome", outcome).functionCounter().count()).isZero();
      }
    }
  }
}
