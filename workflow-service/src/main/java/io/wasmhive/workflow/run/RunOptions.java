package io.wasmhive.workflow.run;

import io.wasmhive.workflow.verify.RpcRecording;

/**
 * How a run is made, from the body of {@code POST /workflows/{id}/jobs/{jobId}/runs}: as the leader (no body, or
 * {@code {"mode":"leader"}}), as an operator with the leader's contexts, or as a verifier with the leader's contexts
 * and RPC recording.
 *
 * @param mode {@code leader}, {@code operator} or {@code verify}
 * @param wasmRefContext the leader's WebAssembly results (operator only; empty when not given)
 * @param dataRefContext the leader's blocks and {@code $ref:} values (operator only; empty when not given)
 * @param rpcRecording the leader's RPC recording (verify only)
 */
public record RunOptions(String mode, WasmRefContext wasmRefContext, DataRefContext dataRefContext,
    RpcRecording rpcRecording) {

  /** A leader run. */
  public static final RunOptions LEADER = new RunOptions("leader", null, null, null);
}
