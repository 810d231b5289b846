package io.wasmhive.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import tools.jackson.databind.JsonNode;

/**
 * One event of a workflow run, published on {@value Streams#WORKFLOW_RUN_EVENTS} by workflow-service and served
 * over SSE ({@code GET /runs/{id}/events}, {@code GET /workflows/{id}/events}) as it is. The envelope's {@code type}
 * is the stream's name; the payload's own {@code type} says which of the four events it is. Fields a type does not
 * use are null and left out of the JSON.
 *
 * @param type one of {@link #RUN_STARTED}, {@link #STEP_STARTED}, {@link #STEP_FINISHED}, {@link #RUN_FINISHED}
 * @param runId the run
 * @param workflowId its workflow
 * @param jobId its job
 * @param mode {@code leader} or {@code operator}
 * @param attempt the run's attempt, from 1 (a run taken over after its runner died starts again)
 * @param step the step's index in the job (step events)
 * @param stepType {@code wasm} or {@code contract} (step events)
 * @param wasmId a WebAssembly step's id (step events)
 * @param status {@code succeeded}, {@code failed} or {@code skipped} ({@code step_finished}); {@code succeeded} or
 *     {@code failed} ({@code run_finished})
 * @param result a WebAssembly step's output, a contract step's simulated call ({@code step_finished}); left out,
 *     with {@code truncated}, when larger than the service's bound
 * @param error why the step or the run failed (bounded; {@code truncated} when cut)
 * @param truncated {@code true} when {@code result} was left out or {@code error} cut for size
 * @param durationMs how long the step ({@code step_finished}) or the run ({@code run_finished}) took
 * @param timestamp ISO-8601 instant the event was made
 */
@EventName(Streams.WORKFLOW_RUN_EVENTS)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowRunEvent(
    @JsonProperty("type") String type,
    @JsonProperty("run_id") String runId,
    @JsonProperty("workflow_id") String workflowId,
    @JsonProperty("job_id") String jobId,
    @JsonProperty("mode") String mode,
    @JsonProperty("attempt") Integer attempt,
    @JsonProperty("step") Integer step,
    @JsonProperty("step_type") String stepType,
    @JsonProperty("wasm_id") String wasmId,
    @JsonProperty("status") String status,
    @JsonProperty("result") JsonNode result,
    @JsonProperty("error") String error,
    @JsonProperty("truncated") Boolean truncated,
    @JsonProperty("duration_ms") Long durationMs,
    @JsonProperty("timestamp") String timestamp) {

  public static final String RUN_STARTED = "run_started";
  public static final String STEP_STARTED = "step_started";
  public static final String STEP_FINISHED = "step_finished";
  public static final String RUN_FINISHED = "run_finished";
}
