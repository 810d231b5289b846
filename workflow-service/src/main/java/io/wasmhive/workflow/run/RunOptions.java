package io.wasmhive.workflow.run;

/**
 * How a run is made, from the body of {@code POST /workflows/{id}/jobs/{jobId}/runs}: as the leader (no body, or
 * {@code {"mode":"leader"}}), or as an operator with the leader's contexts.
 *
 * @param mode {@code leader} or {@code operator}
 * @param wasmRefContext the leader's WebAssembly results (operator only; empty when not given)
 * @param dataRefContext the leader's blocks and {@code $ref:} values (operator only; empty when not given)
 */
public record RunOptions(String mode, WasmRefContext wasmRefContext, DataRefContext dataRefContext) {

  /** A leader run. */
  public static final RunOptions LEADER = new RunOptions("leader", null, null);
}
