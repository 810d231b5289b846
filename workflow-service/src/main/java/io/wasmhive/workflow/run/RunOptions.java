package io.wasmhive.workflow.run;

/**
 * How a run is made, from the body of {@code POST /workflows/{id}/jobs/{jobId}/runs}: as the leader (no body, or
 * {@code {"mode":"leader"}}), or as an operator with the leader's contexts.
 *
 * @param mode {@code leader} or {@code operator}
 * @param wasmRefContext the leader's WebAssembly results (operator only; empty when not given)
 * @param dataRefContext the leader's blocks and {@code $ref:} values (operator only; empty when not given)
 * @param execute {@code "execute":true}: each contract step is sent as a transaction from the deployment's signer
 *     instead of simulated (either mode)
 */
public record RunOptions(String mode, WasmRefContext wasmRefContext, DataRefContext dataRefContext,
    boolean execute) {

  /** Options of a run that simulates its contract steps. */
  public RunOptions(String mode, WasmRefContext wasmRefContext, DataRefContext dataRefContext) {
    this(mode, wasmRefContext, dataRefContext, false);
  }

  /** The same options, executing when {@code execute}. */
  public RunOptions executing(boolean execute) {
    return new RunOptions(mode, wasmRefContext, dataRefContext, execute);
  }

  /** A leader run. */
  public static final RunOptions LEADER = new RunOptions("leader", null, null);
}
