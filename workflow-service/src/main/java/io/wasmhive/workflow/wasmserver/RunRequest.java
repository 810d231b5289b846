package io.wasmhive.workflow.wasmserver;

import io.wasmhive.workflow.wasm.StepLimits;
import tools.jackson.databind.JsonNode;

/**
 * A {@code POST /wasm/run} request that passed every check.
 *
 * @param jobId echoed as sent (any JSON value)
 * @param wasm the decoded module
 * @param sha256 its SHA-256, lowercase hex
 * @param input the guest's input, {@code null} when absent
 * @param limits the requested timeout and output ceilings, clamped later by the runner
 */
record RunRequest(JsonNode jobId, byte[] wasm, String sha256, JsonNode input, StepLimits limits) {

  /** The job id as text, for the RPC handler's records. */
  String jobIdText() {
    return jobId.isString() ? jobId.asString() : jobId.toString();
  }
}
