package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import java.time.Instant;

/**
 * A run was accepted and waits for a runner: published on {@value #STREAM} by the instance that accepted it,
 * consumed by the group {@value #GROUP} of every workflow-service instance. It stays within workflow-service, so it
 * is not part of platform-infra's cross-service contract.
 *
 * @param runId the run (its document in {@code workflow_runs} holds the rest)
 * @param requestedAt when it was accepted
 */
@EventName(WorkflowRunRequested.STREAM)
public record WorkflowRunRequested(@JsonProperty("run_id") String runId,
    @JsonProperty("requested_at") Instant requestedAt) {

  /** The stream. */
  public static final String STREAM = "workflow_run_requested";

  /** The consumer group of the runners. */
  public static final String GROUP = "workflow-runners";
}
