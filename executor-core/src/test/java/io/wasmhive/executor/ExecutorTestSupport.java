package io.wasmhive.executor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Starts one small executor for a test class and closes it after. */
abstract class ExecutorTestSupport {

  static WasmExecutor executor;

  @BeforeAll
  static void startExecutor() {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(2).initialWorkers(1).build());
  }

  @AfterAll
  static void stopExecutor() {
    executor.close();
  }

  static ExecutionResult run(ExecutionTask.Builder task) {
    return executor.execute(task.build());
  }
}
