package io.wasmhive.workflow.run;

import io.wasmhive.platform.security.Caller;
import java.time.Instant;

/**
 * A run as stored in {@code workflow_runs}: the fields the store queries on, and the rest of the run as one JSON
 * document ({@code body}, a {@link RunView} written by Jackson) so that module results keep their exact JSON
 * (numbers beyond 64 bits, key order) through MongoDB.
 *
 * @param id the run id
 * @param workflowId the workflow
 * @param jobId the job of the workflow
 * @param tenant the workflow's tenant, whose members may read and follow the run (null for a run of a workflow
 *     that recorded none: administrators only)
 * @param status where it stands
 * @param attempts how often a runner claimed it
 * @param leaseUntil until when the claiming runner owns it (only while {@code RUNNING})
 * @param createdAt when it was accepted
 * @param body the run's JSON ({@link RunView})
 */
public record RunRecord(String id, String workflowId, String jobId, String tenant, RunStatus status, int attempts,
    Instant leaseUntil, Instant createdAt, String body) {

  /** Whether the caller may read and follow this run: a member of its workflow's tenant, or an administrator. */
  public boolean visibleTo(Caller caller) {
    return caller.isAdmin() || tenant != null && caller.inTenant(tenant);
  }
}
