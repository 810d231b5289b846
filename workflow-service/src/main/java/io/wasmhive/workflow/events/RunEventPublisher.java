package io.wasmhive.workflow.events;

import io.wasmhive.platform.events.EventBus;
import io.wasmhive.platform.events.EventBusException;
import io.wasmhive.platform.events.KeyGuard;
import io.wasmhive.platform.events.Publication;
import io.wasmhive.platform.events.contract.Streams;
import io.wasmhive.platform.events.contract.WorkflowRunEvent;
import io.wasmhive.workflow.run.RunListener;
import io.wasmhive.workflow.run.RunView;
import io.wasmhive.workflow.run.StepView;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way run events are made and published on {@code workflow_run_events}, where the SSE follow of every
 * workflow-service instance picks them up: {@code run_started} when a runner claims a run, {@code step_started}
 * and {@code step_finished} (with the step's result or error, bounded) around each step that runs,
 * {@code run_finished} once its final state is written. Published on the runner's thread, in order, so the stream
 * ids order them as they happened. An event is informational: when Redis fails it is logged and the run goes on.
 * {@code run_finished} is published exactly once per run: together with a marker key
 * ({@code workflow:run-finished:<run id>}, kept {@link #FINISHED_MARKER_TTL}) in one atomic operation, so a runner
 * that died between writing the final state and announcing it is made good by the redelivery of the run's request
 * ({@link #finishedRunRedelivered}) without ever announcing a run twice. Thread-safe.
 */
final class RunEventPublisher implements RunListener {

  private static final Logger log = LoggerFactory.getLogger(RunEventPublisher.class);

  /** The prefix of the marker that a run's {@code run_finished} was published. */
  static final String FINISHED_MARKER = "workflow:run-finished:";

  /** How long the marker is kept: far longer than a pending request waits for its redelivery (minutes). */
  static final Duration FINISHED_MARKER_TTL = Duration.ofHours(6);

  private final EventBus bus;
  private final JsonMapper json;
  private final Clock clock;
  private final int maxResultBytes;
  private final int maxErrorChars;

  RunEventPublisher(EventBus bus, JsonMapper json, Clock clock, RunEventsProperties properties) {
    this.bus = bus;
    this.json = json;
    this.clock = clock;
    this.maxResultBytes = properties.maxResultBytes();
    this.maxErrorChars = properties.maxErrorChars();
  }

  @Override
  public void runStarted(RunView run) {
    publish(event(WorkflowRunEvent.RUN_STARTED, run, null, null, null, null, null, null));
  }

  @Override
  public void stepStarted(RunView run, StepView step) {
    publish(event(WorkflowRunEvent.STEP_STARTED, run, step, null, null, null, null, null));
  }

  @Override
  public void stepFinished(RunView run, StepView step) {
    JsonNode result = step.output() != null ? step.output()
        : step.call() != null ? json.valueToTree(step.call()) : null;
    boolean truncated = false;
    if (result != null && json.writeValueAsString(result).getBytes(StandardCharsets.UTF_8).length > maxResultBytes) {
      result = null;
      truncated = true;
    }
    String error = step.error();
    if (error != null && error.length() > maxErrorChars) {
      error = error.substring(0, maxErrorChars);
      truncated = true;
    }
    publish(event(WorkflowRunEvent.STEP_FINISHED, run, step, step.status(), result, error, truncated ? true : null,
        step.durationMs()));
  }

  @Override
  public void runFinished(RunView run) {
    publishFinished(run);
  }

  @Override
  public void finishedRunRedelivered(RunView run) {
    if (publishFinished(run)) {
      log.info("run {}: run_finished was missing (its runner stopped before announcing it); published now", run.id());
    }
  }

  /** Publishes the run's {@code run_finished} unless it was published before; whether it did. */
  private boolean publishFinished(RunView run) {
    String error = run.error();
    Boolean truncated = null;
    if (error != null && error.length() > maxErrorChars) {
      error = error.substring(0, maxErrorChars);
      truncated = true;
    }
    Long duration = run.startedAt() == null || run.finishedAt() == null ? null
        : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
    WorkflowRunEvent event = event(WorkflowRunEvent.RUN_FINISHED, run, null,
        run.status().name().toLowerCase(java.util.Locale.ROOT), null, error, truncated, duration);
    try {
      return bus.publishIf(KeyGuard.absent(FINISHED_MARKER + run.id()).thenSet("1", FINISHED_MARKER_TTL),
          List.of(new Publication(Streams.WORKFLOW_RUN_EVENTS, event))).published();
    } catch (EventBusException e) {
      log.debug("Could not publish {} of run {}: {}", event.type(), event.runId(), e.getMessage());
      return false;
    }
  }

  private WorkflowRunEvent event(String type, RunView run, StepView step, String status, JsonNode result,
      String error, Boolean truncated, Long durationMs) {
    return new WorkflowRunEvent(type, run.id(), run.workflowId(), run.jobId(), run.mode(), run.attempts(),
        step == null ? null : step.index(), step == null ? null : step.type(), step == null ? null : step.wasmId(),
        status, result, error, truncated, durationMs, clock.instant().toString());
  }

  private void publish(WorkflowRunEvent event) {
    try {
      bus.publish(Streams.WORKFLOW_RUN_EVENTS, event);
    } catch (EventBusException e) {
      log.debug("Could not publish {} of run {}: {}", event.type(), event.runId(), e.getMessage());
    }
  }
}
