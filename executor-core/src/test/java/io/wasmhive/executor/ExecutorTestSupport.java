package io.wasmhive.executor;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Starts one small executor per engine for a test class and closes it after: every test runs on both engines. */
@OnBothEngines
abstract class ExecutorTestSupport {

  static WasmExecutor executor;

  /** The engine of this run of the class. */
  @Parameter
  EngineChoice engine;

  @BeforeParameterizedClassInvocation
  static void startExecutor(EngineChoice engine) {
    executor = WasmExecutor.create(ExecutorOptions.builder().maxWorkers(2).initialWorkers(1).engine(engine).build());
  }

  @AfterParameterizedClassInvocation
  static void stopExecutor() {
    executor.close();
  }

  /** A builder of options on this run's engine. */
  ExecutorOptions.Builder options() {
    return ExecutorOptions.builder().engine(engine);
  }

  static ExecutionResult run(ExecutionTask.Builder task) {
    return executor.execute(task.build());
  }
}
