package io.wasmhive.relay.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One lifecycle event of an execution, as stored on the {@code wasm_exec_events} stream and sent to SSE
 * subscribers (without {@code user_id}). Fields a type does not use are null and left out of the JSON.
 *
 * @param type one of {@link #QUEUED}, {@link #STARTED}, {@link #PROGRESS}, {@link #COMPLETE}, {@link #ERROR}
 * @param requestId the execution's request id
 * @param userId the user who asked for it (used to filter subscribers; never sent over SSE)
 * @param cid the module reference ({@code execution_queued})
 * @param position place in the queue ({@code execution_queued}), 1 = next
 * @param executorNode the consumer running it ({@code execution_started})
 * @param progress 0–100 ({@code execution_progress})
 * @param success ({@code execution_complete})
 * @param duration milliseconds ({@code execution_complete}, {@code execution_error})
 * @param error message ({@code execution_error})
 * @param timestamp ISO-8601 instant the event was made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionEvent(
    @JsonProperty("type") String type,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("user_id") String userId,
    @JsonProperty("cid") String cid,
    @JsonProperty("position") Long position,
    @JsonProperty("executor_node") String executorNode,
    @JsonProperty("progress") Integer progress,
    @JsonProperty("success") Boolean success,
    @JsonProperty("duration") Long duration,
    @JsonProperty("error") String error,
    @JsonProperty("timestamp") String timestamp) {

  public static final String QUEUED = "execution_queued";
  public static final String STARTED = "execution_started";
  public static final String PROGRESS = "execution_progress";
  public static final String COMPLETE = "execution_complete";
  public static final String ERROR = "execution_error";
}
