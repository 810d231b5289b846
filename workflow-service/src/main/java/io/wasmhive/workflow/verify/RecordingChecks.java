package io.wasmhive.workflow.verify;

import java.util.Map;

/**
 * What makes a recording unverifiable before anything runs: a hash that does not match its content, a recording of
 * another workflow or job, one the leader could not record in full. Thread-safe (stateless).
 */
public final class RecordingChecks {

  private RecordingChecks() {
  }

  /**
   * The verification that ends a run before its steps, or {@code null} when the recording can be verified.
   * {@code leaderBlocks} are the blocks of the leader's DataRefContext (empty when none was given); they must be the
   * recording's.
   */
  public static Verification check(RpcRecording recording, String workflowId, String jobId,
      Map<String, String> leaderBlocks) {
    String computed = recording.computeHash();
    if (!computed.equals(recording.hash())) {
      return Verification.diverged(computed, 0, new Divergence(null, null, "rpcRecording.hash",
          text(recording.hash()), text(computed)));
    }
    if (!workflowId.equals(recording.workflowId()) || !jobId.equals(recording.jobId())) {
      return Verification.refused(computed, "the recording is of workflow " + recording.workflowId() + " job "
          + recording.jobId() + ", not of workflow " + workflowId + " job " + jobId);
    }
    if (!leaderBlocks.isEmpty() && !leaderBlocks.equals(recording.chainBlocks())) {
      return Verification.diverged(computed, 0, new Divergence(null, null, "dataRefContext.chainBlocks",
          tree(recording.chainBlocks()), tree(leaderBlocks)));
    }
    for (RecordedStep step : recording.steps()) {
      if (!step.complete()) {
        return Verification.refused(computed, "the leader's recording of step " + step.step() + " ("
            + step.wasmId() + ") is incomplete: the leader's recording limit cut it");
      }
    }
    return null;
  }

  private static tools.jackson.databind.JsonNode text(String value) {
    return value == null ? tools.jackson.databind.node.JsonNodeFactory.instance.nullNode()
        : tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(value);
  }

  private static tools.jackson.databind.JsonNode tree(Map<String, String> blocks) {
    var node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    new java.util.TreeMap<>(blocks).forEach(node::put);
    return node;
  }
}
