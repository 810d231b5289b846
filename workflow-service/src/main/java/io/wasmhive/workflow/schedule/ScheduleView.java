package io.wasmhive.workflow.schedule;

import io.wasmhive.workflow.sdk.Trigger;
import io.wasmhive.workflow.sdk.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

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
 * @param scheduled the trigger types acted on: {@code cron}, {@code time} (kept by the clock; {@code interval} for a
 *     workflow without triggers), {@code event} and {@code onchain} (watched on their chain)
 * @param notScheduled the trigger types this service does not act on (none at present)
 * @param watches one entry per {@code event} or {@code onchain} trigger, in trigger order: {@code trigger} (its index),
 *     {@code chainId}, {@code state} ({@code pending} until the watcher first looks at it, then {@code watching},
 *     {@code unavailable} or {@code invalid}), {@code block} (the last block its cursor is past, or {@code null})
 *     and {@code reason} (why it is not watching, or {@code null})
 */
record ScheduleView(String workflowId, String state, String next, long runs, Long count, String lastRun,
    String reason, List<String> scheduled, List<String> notScheduled, List<Map<String, Object>> watches) {

  static ScheduleView of(Schedule schedule, Workflow workflow) {
    return of(schedule, workflow, new Document());
  }

  static ScheduleView of(Schedule schedule, Workflow workflow, Document noted) {
    List<String> types = triggerTypes(workflow);
    List<String> scheduled = workflow.triggers().isEmpty() && workflow.interval() != null ? List.of("interval")
        : types.stream().filter(t -> t.equals("cron") || t.equals("time") || t.equals("event")
            || t.equals("onchain")).toList();
    List<String> notScheduled = types.stream().filter(t -> !scheduled.contains(t)).toList();
    List<Map<String, Object>> watches = new ArrayList<>();
    List<Trigger> triggers = workflow.triggers();
    for (int i = 0; i < triggers.size(); i++) {
      if (!triggers.get(i).type().equals("event") && !triggers.get(i).type().equals("onchain")) {
        continue;
      }
      Document watch = noted.get(String.valueOf(i), Document.class);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("trigger", i);
      entry.put("chainId", triggers.get(i).params().path("chainId").asLong(0));
      entry.put("state", watch == null ? "pending" : watch.getString("state"));
      Number block = watch == null ? null : watch.get("block", Number.class);
      entry.put("block", block == null ? null : block.longValue());
      entry.put("reason", watch == null ? null : watch.getString("reason"));
      Date at = watch == null ? null : watch.getDate("at");
      entry.put("at", at == null ? null : at.toInstant().toString());
      watches.add(entry);
    }
    return new ScheduleView(schedule.workflowId(), schedule.state().wire(), text(schedule.next()), schedule.runs(),
        workflow.count(), text(schedule.lastRun()), schedule.reason(), scheduled, notScheduled, watches);
  }

  /** The distinct trigger types of the workflow, in their order. */
  static List<String> triggerTypes(Workflow workflow) {
    return workflow.triggers().stream().map(Trigger::type).distinct().toList();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
