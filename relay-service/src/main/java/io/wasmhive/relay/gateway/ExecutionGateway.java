package io.wasmhive.relay.gateway;

import io.wasmhive.relay.health.FeatureState;
import java.util.concurrent.CompletableFuture;

/**
 * Stage 6 of the pipeline: executions over Redis streams. {@link #submit} publishes {@code wasm_exec_requested}
 * (and the {@code execution_queued} event); executor consumers in any relay instance run it and publish
 * {@code wasm_exec_completed}, which every instance reads, so the future completes on the instance that
 * accepted the request whichever instance ran it.
 */
public interface ExecutionGateway {

  /**
   * Publishes the request. The future completes with the outcome; cancelling it (after a timeout) only stops
   * waiting. Fails with {@link io.wasmhive.platform.events.EventBusException} when the request cannot be published.
   */
  CompletableFuture<ExecutionOutcome> submit(ExecutionRequest request);

  /** Waits for the outcome of a request already submitted (by this or another instance). */
  CompletableFuture<ExecutionOutcome> awaitCompletion(String requestId);

  FeatureState state();
}
