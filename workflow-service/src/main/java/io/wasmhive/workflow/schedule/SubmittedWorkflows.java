package io.wasmhive.workflow.schedule;

import io.wasmhive.workflow.store.WorkflowSubmitted;
import org.springframework.context.event.EventListener;

/**
 * Makes the schedule of each submitted workflow, in the submitting request (so it exists when the client has the
 * id). A failure to store it fails that request; the workflow itself is stored already.
 */
class SubmittedWorkflows {

  private final ScheduleService schedules;

  SubmittedWorkflows(ScheduleService schedules) {
    this.schedules = schedules;
  }

  @EventListener
  void submitted(WorkflowSubmitted event) {
    schedules.create(event.workflow());
  }
}
