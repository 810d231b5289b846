package io.wasmhive.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;

/**
 * One lifecycle event of an execution, published on {@value Streams#EXEC_EVENTS} and served over SSE
 * without {@code user_id}. The envelope's {@code type} is the stream's name; the payload's own
 * {@code type} says which of the five events it is. Fields a type does not use are null and left out
 * of the JSON. (The stream and record keep seed 001's noun, {@code wasm_exec_events}.)
 *
 * @param type one of {@link #QUEUED}, {@link #STARTED}, {@link #PROGRESS}, {@link #COMPLETE}, {@link #ERROR}
 * @param requestId the execution's request id
 * @param userId the user who asked for it (decides who sees it; never sent over SSE)
 * @param cid the module reference ({@code execution_queued})
 * @param position place in the queue, 1 = next ({@code execution_queued})
 * @param executorNode the consumer running it ({@code execution_started})
 * @param progress 0–100 ({@code execution_progress})
 * @param success {@code true} for {@code execution_complete}, {@code false} for {@code execution_error}
 * @param duration milliseconds ({@code execution_complete}, {@code execution_error})
 * @param error {@code <ERROR_CODE>: <message>} ({@code execution_error})
 * @param timestamp ISO-8601 instant the event was made
 */
@EventName(Streams.EXEC_EVENTS)
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
