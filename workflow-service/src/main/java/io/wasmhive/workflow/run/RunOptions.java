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
 * @param execute {@code "execute":true}: each contract step is sent as a transaction from the deployment's signer
 *     instead of simulated (any mode)
 */
public record RunOptions(String mode, WasmRefContext wasmRefContext, DataRefContext dataRefContext,
    RpcRecording rpcRecording, boolean execute) {

  /** Options of a run that simulates its contract steps. */
  public RunOptions(String mode, WasmRefContext wasmRefContext, DataRefContext dataRefContext,
      RpcRecording rpcRecording) {
    this(mode, wasmRefContext, dataRefContext, rpcRecording, false);
  }

  /** The same options, executing when {@code execute}. */
  public RunOptions executing(boolean execute) {
    return new RunOptions(mode, wasmRefContext, dataRefContext, rpcRecording, execute);
  }

  /** A leader run. */
  public static final RunOptions LEADER = new RunOptions("leader", null, null, null);
}
