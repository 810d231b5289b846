package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.wasmhive.workflow.verify.RpcRecording;
import io.wasmhive.workflow.verify.Verification;

/**
 * A run as {@code GET /runs/{id}} answers it and as it is stored: its steps with their inputs, outputs, errors, gas
 * and durations, the block each chain was pinned to ({@code chainBlocks}, chain id → decimal block number, as in the
 * SDK's DataRefContext), and the SDK's {@link WasmRefContext} and {@link DataRefContext}. {@code mode} is
 * {@code leader}, {@code operator} or {@code verify}; an operator's or verifier's contexts (and recording) are the
 * leader's it was given, from when it is accepted. A leader run carries its {@link RpcRecording}; a verifying run
 * its {@link Verification}. {@code execute} is true for a run whose contract steps are sent as transactions
 * ({@code "execute":true}), absent otherwise.
 */
@JsonPropertyOrder({"id", "workflowId", "jobId", "chainId", "mode", "status", "error", "skipped", "attempts",
    "createdAt", "startedAt", "finishedAt", "chainBlocks", "steps", "wasmRefContext",
    "dataRefContext", "rpcRecording", "verification", "execute"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(String id, String workflowId, String jobId, long chainId, String mode, RunStatus status,
    String error, Boolean skipped, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt,
    Map<String, String> chainBlocks, List<StepView> steps, WasmRefContext wasmRefContext,
    DataRefContext dataRefContext, RpcRecording rpcRecording, Verification verification, Boolean execute) {

  /** A run that does not execute. */
  public RunView(String id, String workflowId, String jobId, long chainId, String mode, RunStatus status,
      String error, Boolean skipped, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt,
      Map<String, String> chainBlocks, List<StepView> steps, WasmRefContext wasmRefContext,
      DataRefContext dataRefContext, RpcRecording rpcRecording, Verification verification) {
    this(id, workflowId, jobId, chainId, mode, status, error, skipped, attempts, createdAt, startedAt, finishedAt,
        chainBlocks, steps, wasmRefContext, dataRefContext, rpcRecording, verification, null);
  }

  /** Whether the run sends its contract steps as transactions. */
  boolean executes() {
    return Boolean.TRUE.equals(execute);
  }

  /** This view with another status and attempt count (the store's fields win over the body's). */
  RunView withState(RunStatus status, int attempts) {
    return new RunView(id, workflowId, jobId, chainId, mode, status, error, skipped, attempts, createdAt, startedAt,
        finishedAt, chainBlocks, steps, wasmRefContext, dataRefContext, rpcRecording, verification, execute);
  }
}
