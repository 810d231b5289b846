package io.wasmhive.workflow.schedule;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wasmhive.platform.openapi.ErrorResponses;
import io.wasmhive.platform.security.Callers;
import io.wasmhive.workflow.api.WorkflowApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A workflow's schedule: {@code GET /workflows/{id}/schedule}, and {@code POST /workflows/{id}/pause},
 * {@code /resume} and {@code /cancel}, each answering the schedule as it is after the change; {@code 404} for an
 * unknown workflow, {@code 409 SCHEDULE_CONFLICT} for a change its state does not allow or a workflow without a
 * schedule. Reading is for the workflow's tenant, changing for its owner ({@code 403 FORBIDDEN} for another
 * member of the tenant); another tenant's workflow is {@code 404} as if it did not exist.
 */
@RestController
@WorkflowApi
@Tag(name = "schedules", description = "A workflow's triggers: state, pause, resume, cancel")
class ScheduleController {

  private final ScheduleService schedules;

  ScheduleController(ScheduleService schedules) {
    this.schedules = schedules;
  }

  @GetMapping(path = "/workflows/{id}/schedule", produces = "application/json")
  @Operation(summary = "The workflow's schedule: state, next firing, runs")
  @ErrorResponses(404)
  ScheduleView get(@PathVariable("id") String workflowId) {
    return schedules.view(workflowId, Callers.require());
  }

  @PostMapping(path = "/workflows/{id}/pause", produces = "application/json")
  @Operation(summary = "Pause the schedule")
  @ErrorResponses({403, 404, 409})
  ScheduleView pause(@PathVariable("id") String workflowId) {
    return schedules.pause(workflowId, Callers.require());
  }

  @PostMapping(path = "/workflows/{id}/resume", produces = "application/json")
  @Operation(summary = "Resume the schedule")
  @ErrorResponses({403, 404, 409})
  ScheduleView resume(@PathVariable("id") String workflowId) {
    return schedules.resume(workflowId, Callers.require());
  }

  @PostMapping(path = "/workflows/{id}/cancel", produces = "application/json")
  @Operation(summary = "Cancel the schedule for good")
  @ErrorResponses({403, 404, 409})
  ScheduleView cancel(@PathVariable("id") String workflowId) {
    return schedules.cancel(workflowId, Callers.require());
  }
}
