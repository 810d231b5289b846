package io.wasmhive.workflow.schedule;

import io.wasmhive.platform.chainwatch.ChainLog;
import io.wasmhive.platform.security.Caller;
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
 * the instance holding the lease), read by the workflow's tenant, paused, resumed and cancelled by its owner (or an
 * administrator); firings start runs as the workflow's owner, in its tenant. Every change is a conditional
 * update of the stored schedule, so it holds whichever instance makes it. Thread-safe; blocks on the stores.
 */
class ScheduleService {

  private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

  private final ScheduleStore schedules;
  private final WorkflowStore workflows;
  private final RunService runs;
  private final Clock clock;
  private final TriggerFirings firings;

  ScheduleService(ScheduleStore schedules, WorkflowStore workflows, RunService runs, Clock clock) {
    this(schedules, workflows, runs, clock, null);
  }

  ScheduleService(ScheduleStore schedules, WorkflowStore workflows, RunService runs, Clock clock,
      TriggerFirings firings) {
    this.firings = firings;
    this.schedules = schedules;
    this.workflows = workflows;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Makes the schedule of a newly submitted workflow, if anything in it is kept by the clock or watched on a chain
   * ({@code event} triggers). A workflow with watched triggers stays active without a next due time.
   */
  void create(StoredWorkflow stored) {
    Workflow workflow = stored.document().workflow();
    boolean watched = watched(workflow);
    Optional<SchedulePlan> plan;
    try {
      plan = SchedulePlan.of(workflow);
    } catch (IllegalArgumentException e) {
      schedules.create(new Schedule(stored.id(), ScheduleState.INVALID, null, 0, null, null, e.getMessage()), watched);
      log.warn("workflow {}: not scheduled: {}", stored.id(), e.getMessage());
      return;
    }
    if (plan.isEmpty() && !watched) {
      return;
    }
    Instant now = now();
    Optional<Instant> next = plan.flatMap(p -> p.next(0, null, null, now));
    boolean active = next.isPresent() || watched && !ended(workflow, 0, now);
    schedules.create(active ? new Schedule(stored.id(), ScheduleState.ACTIVE, next.orElse(null), 0, null, null, null)
        : new Schedule(stored.id(), ScheduleState.FINISHED, null, 0, null, null, "no run is due before validUntil"),
        watched);
  }

  /** Whether the workflow has triggers the chain watcher follows ({@code event}, {@code onchain}). */
  static boolean watched(Workflow workflow) {
    return workflow.triggers().stream().anyMatch(t -> t.type().equals("event") || t.type().equals("onchain"));
  }

  /** Whether nothing more may run: {@code count} runs made or {@code validUntil} reached. */
  private static boolean ended(Workflow workflow, long runs, Instant now) {
    return workflow.count() != null && runs >= workflow.count()
        || workflow.validUntil() != null && !now.isBefore(ScheduleTimes.at(workflow.validUntil()));
  }

  /** The schedule of a workflow the caller may see ({@code NOT_FOUND} otherwise, as for no workflow). */
  ScheduleView view(String workflowId, Caller caller) {
    visible(workflowId, caller);
    Schedule schedule = existing(workflowId);
    return ScheduleView.of(schedule, workflow(workflowId), schedules.watches(workflowId));
  }

  /** Stops runs until {@link #resume}: only an active schedule can be paused, by the workflow's owner. */
  ScheduleView pause(String workflowId, Caller caller) {
    owned(workflowId, caller, "pause");
    Schedule schedule = inState(workflowId, "pause", ScheduleState.ACTIVE);
    return moved(workflowId, schedules.transition(schedule, ScheduleState.PAUSED, schedule.next()), "pause");
  }

  /**
   * Runs again from now on: the next due time is worked out afresh (cron times missed while paused are not made up;
   * a time trigger that passed fires at once); event triggers continue from their cursors, so logs that arrived
   * while paused are acted on now; a paused schedule with nothing left to run becomes finished. For the owner.
   */
  ScheduleView resume(String workflowId, Caller caller) {
    owned(workflowId, caller, "resume");
    Schedule schedule = inState(workflowId, "resume", ScheduleState.PAUSED);
    Workflow workflow = workflow(workflowId);
    Instant now = now();
    Optional<Instant> next = SchedulePlan.of(workflow)
        .flatMap(p -> p.next(schedule.runs(), schedule.lastDue(), schedule.lastRun(), now));
    ScheduleState to = next.isPresent() || watched(workflow) && !ended(workflow, schedule.runs(), now)
        ? ScheduleState.ACTIVE : ScheduleState.FINISHED;
    return moved(workflowId, schedules.transition(schedule, to, next.orElse(null)), "resume");
  }

  /** Ends the schedule for good: an active or paused schedule can be cancelled, by the workflow's owner. */
  ScheduleView cancel(String workflowId, Caller caller) {
    owned(workflowId, caller, "cancel");
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
    boolean stayActive = watched(workflow.get()) && !ended(workflow.get(), due.runs() + 1, now);
    if (!schedules.fire(due, now, following, stayActive)) {
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
    return ScheduleView.of(schedule, workflow(workflowId), schedules.watches(workflowId));
  }

  private Schedule existing(String workflowId) {
    Workflow workflow = workflow(workflowId);
    return schedules.find(workflowId).orElseThrow(() -> {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("state", "unscheduled");
      details.put("triggers", ScheduleView.triggerTypes(workflow));
      return new WorkflowException(WorkflowError.SCHEDULE_CONFLICT, "workflow " + workflowId + " has no schedule: "
          + "it has no cron, time, event or onchain trigger, and no interval without triggers", details);
    });
  }

  /**
   * Fires the workflow for one log its event trigger {@code trigger} matched: unless that log fired it already
   * (its firing, keyed by workflow, trigger, transaction and log index, is recorded first, once), and only while
   * the schedule is active, within {@code validAfter}/{@code validUntil} and below {@code count}; then starts a run
   * of every job. A log seen before {@code validAfter} is passed over.
   *
   * @return whether it fired
   * @throws StopWatching when the schedule may not fire any more now (paused, cancelled, finished): the log is
   *     left for when it is resumed
   */
  boolean fireEvent(String workflowId, Workflow workflow, EventTrigger trigger, ChainLog log) {
    Instant now = now();
    if (workflow.validAfter() != null && now.isBefore(ScheduleTimes.at(workflow.validAfter()))) {
      return false;
    }
    if (workflow.validUntil() != null && !now.isBefore(ScheduleTimes.at(workflow.validUntil()))) {
      schedules.finish(workflowId);
      throw new StopWatching("validUntil has passed");
    }
    String firing = trigger.key(workflowId) + ":" + log.txHash() + ":" + log.logIndex();
    if (!firings.claim(firing, workflowId, trigger.index(), log, now)) {
      return false; // This log fired the workflow already (another instance, or before a restart).
    }
    if (schedules.fireEvent(workflowId, workflow.count(), now).isEmpty()) {
      firings.release(firing);
      throw new StopWatching("the schedule is no longer active or its count is reached");
    }
    startAll(workflowId, workflow, firing);
    return true;
  }

  /**
   * Fires the workflow because its onchain trigger's condition held at {@code block}: once per (workflow, trigger,
   * block), only while active, within {@code validAfter}/{@code validUntil}, below {@code count} and at least
   * {@code interval} after the last firing (a block inside the interval is passed over).
   *
   * @return whether it fired
   * @throws StopWatching when the schedule may not fire any more now
   */
  boolean fireOnchain(String workflowId, Workflow workflow, OnchainTrigger trigger, long block) {
    Instant now = now();
    if (workflow.validAfter() != null && now.isBefore(ScheduleTimes.at(workflow.validAfter()))) {
      return false;
    }
    if (workflow.validUntil() != null && !now.isBefore(ScheduleTimes.at(workflow.validUntil()))) {
      schedules.finish(workflowId);
      throw new StopWatching("validUntil has passed");
    }
    if (workflow.interval() != null) {
      Instant lastRun = schedules.find(workflowId).map(Schedule::lastRun).orElse(null);
      if (lastRun != null && now.isBefore(ScheduleTimes.plus(lastRun, workflow.interval()))) {
        return false;
      }
    }
    String firing = trigger.key(workflowId) + ":block:" + block;
    if (!firings.claim(firing, workflowId, trigger.index(), block, now)) {
      return false;
    }
    if (schedules.fireEvent(workflowId, workflow.count(), now).isEmpty()) {
      firings.release(firing);
      throw new StopWatching("the schedule is no longer active or its count is reached");
    }
    startAll(workflowId, workflow, firing);
    return true;
  }

  private void startAll(String workflowId, Workflow workflow, String firing) {
    for (Job job : workflow.jobs()) {
      try {
        runs.start(workflowId, job.id());
      } catch (RuntimeException e) {
        log.warn("workflow {}: the run of job {} for {} was not started: {}", workflowId, job.id(), firing,
            e.toString());
      }
    }
  }

  /** Thrown by {@link #fireEvent} when the schedule may not fire now: the watcher stops this workflow's poll. */
  static final class StopWatching extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StopWatching(String message) {
      super(message, null, false, false);
    }
  }

  /** The workflow, if the caller may see it; {@code NOT_FOUND} in the words of a missing one otherwise. */
  private StoredWorkflow visible(String workflowId, Caller caller) {
    return workflows.find(workflowId).filter(w -> w.visibleTo(caller))
        .orElseThrow(() -> RunService.workflowNotFound(workflowId));
  }

  /** Checks that the caller may change the workflow: {@code FORBIDDEN} for another member of its tenant. */
  private void owned(String workflowId, Caller caller, String action) {
    if (!visible(workflowId, caller).ownedBy(caller)) {
      throw new WorkflowException(WorkflowError.FORBIDDEN,
          "only the workflow's owner or an administrator may " + action + " its schedule");
    }
  }

  private Workflow workflow(String workflowId) {
    return workflows.find(workflowId).map(w -> w.document().workflow())
        .orElseThrow(() -> RunService.workflowNotFound(workflowId));
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
