package io.wasmhive.workflow.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * A workflow's schedule as stored.
 *
 * @param workflowId the workflow (and the document's id)
 * @param state where it stands
 * @param next when the next run is due, or {@code null} when none is
 * @param runs how many times it has fired (each firing starts one run of every job)
 * @param lastDue when the last firing was due, or {@code null}
 * @param lastRun when the last firing happened, or {@code null}
 * @param reason why it is {@code invalid} or {@code finished} before any run, or {@code null}
 */
record Schedule(String workflowId, ScheduleState state, Instant next, long runs, Instant lastDue, Instant lastRun,
    String reason) {

  Schedule {
    Objects.requireNonNull(workflowId, "workflowId");
    Objects.requireNonNull(state, "state");
  }
}
