package io.wasmhive.workflow.schedule;

import io.wasmhive.workflow.sdk.Trigger;
import io.wasmhive.workflow.sdk.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /workflows/{id}/schedule} (and pause, resume and cancel) answer.
 *
 * @param workflowId the workflow
 * @param state {@code active}, {@code paused}, {@code cancelled}, {@code finished} or {@code invalid}
 * @param next when the next run is due (ISO-8601), or {@code null}
 * @param runs how many times it has fired; each firing starts one run of every job
 * @param count the most firings the workflow allows, or {@code null}
 * @param lastRun when it last fired, or {@code null}
 * @param reason why it is {@code invalid}, or finished before any run; {@code null} otherwise
 * @param scheduled the trigger types kept by the clock ({@code cron}, {@code time}; {@code interval} for a
 *     workflow without triggers)
 * @param notScheduled the trigger types this service does not act on yet ({@code event}, {@code onchain})
 */
record ScheduleView(String workflowId, String state, String next, long runs, Long count, String lastRun,
    String reason, List<String> scheduled, List<String> notScheduled) {

  static ScheduleView of(Schedule schedule, Workflow workflow) {
    List<String> types = triggerTypes(workflow);
    List<String> scheduled = workflow.triggers().isEmpty() && workflow.interval() != null ? List.of("interval")
        : types.stream().filter(t -> t.equals("cron") || t.equals("time")).toList();
    List<String> notScheduled = types.stream().filter(t -> !scheduled.contains(t)).toList();
    return new ScheduleView(schedule.workflowId(), schedule.state().wire(), text(schedule.next()), schedule.runs(),
        workflow.count(), text(schedule.lastRun()), schedule.reason(), scheduled, notScheduled);
  }

  /** The distinct trigger types of the workflow, in their order. */
  static List<String> triggerTypes(Workflow workflow) {
    return workflow.triggers().stream().map(Trigger::type).distinct().toList();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
