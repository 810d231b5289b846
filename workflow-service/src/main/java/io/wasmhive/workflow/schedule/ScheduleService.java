package io.wasmhive.workflow.schedule;

import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import io.wasmhive.workflow.run.RunService;
import io.wasmhive.workflow.sdk.Job;
import io.wasmhive.workflow.sdk.Workflow;
import io.wasmhive.workflow.store.StoredWorkflow;
import io.wasmhive.workflow.store.WorkflowStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Workflows' schedules: made when a workflow is submitted ({@link #create}), fired when due ({@link #fireDue}, by
 * the instance holding the lease), paused, resumed and cancelled by their owner. Every change is a conditional
 * update of the stored schedule, so it holds whichever instance makes it. Thread-safe; blocks on the stores.
 */
class ScheduleService {

  private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

  private final ScheduleStore schedules;
  private final WorkflowStore workflows;
  private final RunService runs;
  private final Clock clock;

  ScheduleService(ScheduleStore schedules, WorkflowStore workflows, RunService runs, Clock clock) {
    this.schedules = schedules;
    this.workflows = workflows;
    this.runs = runs;
    this.clock = clock;
  }

  /** Makes the schedule of a newly submitted workflow, if anything in it is kept by the clock. */
  void create(StoredWorkflow stored) {
    Optional<SchedulePlan> plan;
    try {
      plan = SchedulePlan.of(stored.document().workflow());
    } catch (IllegalArgumentException e) {
      schedules.create(new Schedule(stored.id(), ScheduleState.INVALID, null, 0, null, null, e.getMessage()));
      log.warn("workflow {}: not scheduled: {}", stored.id(), e.getMessage());
      return;
    }
    if (plan.isEmpty()) {
      return;
    }
    Optional<Instant> next = plan.get().next(0, null, null, now());
    schedules.create(next.map(at -> new Schedule(stored.id(), ScheduleState.ACTIVE, at, 0, null, null, null))
        .orElseGet(() -> new Schedule(stored.id(), ScheduleState.FINISHED, null, 0, null, null,
            "no run is due before validUntil")));
  }

  /** The schedule of a workflow. */
  ScheduleView view(String workflowId) {
    Schedule schedule = existing(workflowId);
    return ScheduleView.of(schedule, workflow(workflowId));
  }

  /** Stops runs until {@link #resume}: only an active schedule can be paused. */
  ScheduleView pause(String workflowId) {
    Schedule schedule = inState(workflowId, "pause", ScheduleState.ACTIVE);
    return moved(workflowId, schedules.transition(schedule, ScheduleState.PAUSED, schedule.next()), "pause");
  }

  /**
   * Runs again from now on: the next due time is worked out afresh (cron times missed while paused are not made up;
   * a time trigger that passed fires at once); a paused schedule with nothing left to run becomes finished.
   */
  ScheduleView resume(String workflowId) {
    Schedule schedule = inState(workflowId, "resume", ScheduleState.PAUSED);
    Optional<Instant> next = plan(workflowId).next(schedule.runs(), schedule.lastDue(), schedule.lastRun(), now());
    ScheduleState to = next.isPresent() ? ScheduleState.ACTIVE : ScheduleState.FINISHED;
    return moved(workflowId, schedules.transition(schedule, to, next.orElse(null)), "resume");
  }

  /** Ends the schedule for good: an active or paused schedule can be cancelled. */
  ScheduleView cancel(String workflowId) {
    Schedule schedule = inState(workflowId, "cancel", ScheduleState.ACTIVE, ScheduleState.PAUSED);
    return moved(workflowId, schedules.transition(schedule, ScheduleState.CANCELLED, null), "cancel");
  }

  /**
   * Fires the schedules due now (at most {@code limit}): each due time is recorded first, by one conditional update
   * that exactly one instance wins, and only the winner starts a run of every job. A run that cannot be started
   * (the bus unreachable) is logged, not retried, so a due time never starts a job twice. Answers how many fired.
   */
  int fireDue(int limit) {
    Instant now = now();
    int fired = 0;
    for (Schedule due : schedules.due(now, limit)) {
      if (fire(due, now)) {
        fired++;
      }
    }
    return fired;
  }

  private boolean fire(Schedule due, Instant now) {
    Optional<Workflow> workflow = workflows.find(due.workflowId()).map(w -> w.document().workflow());
    if (workflow.isEmpty()) {
      schedules.transition(due, ScheduleState.INVALID, null);
      return false;
    }
    Optional<SchedulePlan> plan = SchedulePlan.of(workflow.get());
    if (plan.isPresent() && plan.get().validUntil() != null && !now.isBefore(plan.get().validUntil())) {
      // Due before validUntil but reached only at or after it (a late tick): no run past the end.
      schedules.transition(due, ScheduleState.FINISHED, null);
      return false;
    }
    Instant following = plan.flatMap(p -> p.next(due.runs() + 1, due.next(), now, now)).orElse(null);
    if (!schedules.fire(due, now, following)) {
      return false; // Another instance fired it, or it was paused or cancelled meanwhile.
    }
    for (Job job : workflow.get().jobs()) {
      try {
        runs.start(due.workflowId(), job.id());
      } catch (RuntimeException e) {
        log.warn("workflow {}: the scheduled run of job {} due at {} was not started: {}", due.workflowId(),
            job.id(), due.next(), e.toString());
      }
    }
    return true;
  }

  private Schedule inState(String workflowId, String action, ScheduleState... allowed) {
    Schedule schedule = existing(workflowId);
    for (ScheduleState state : allowed) {
      if (schedule.state() == state) {
        return schedule;
      }
    }
    throw conflict(workflowId, action, schedule.state());
  }

  private ScheduleView moved(String workflowId, Optional<Schedule> written, String action) {
    Schedule schedule = written.orElseGet(() -> {
      // It changed between the read and the write (a firing or another request); answer with what it is now.
      Schedule now = existing(workflowId);
      throw conflict(workflowId, action, now.state());
    });
    return ScheduleView.of(schedule, workflow(workflowId));
  }

  private Schedule existing(String workflowId) {
    Workflow workflow = workflow(workflowId);
    return schedules.find(workflowId).orElseThrow(() -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("state", "unscheduled");
      details.put("triggers", ScheduleView.triggerTypes(workflow));
      return new WorkflowException(WorkflowError.SCHEDULE_CONFLICT, "workflow " + workflowId + " has no schedule: "
          + "it has no cron or time trigger, and no interval without triggers", details);
    });
  }

  private Workflow workflow(String workflowId) {
    return workflows.find(workflowId).map(w -> w.document().workflow()).orElseThrow(
        () -> new WorkflowException(WorkflowError.NOT_FOUND, "workflow " + workflowId + " does not exist"));
  }

  private SchedulePlan plan(String workflowId) {
    return SchedulePlan.of(workflow(workflowId)).orElseThrow(
        () -> new IllegalStateException("workflow " + workflowId + " has a schedule but nothing to schedule"));
  }

  private static WorkflowException conflict(String workflowId, String action, ScheduleState state) {
    return new WorkflowException(WorkflowError.SCHEDULE_CONFLICT,
        "workflow " + workflowId + " cannot " + action + ": its schedule is " + state.wire(),
        Map.of("state", state.wire()));
  }

  /** Now, to the millisecond the store keeps, so that a time read back compares equal to the one written. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
