package io.wasmhive.relay.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The wire form of an {@link ExecutionOutcome} on {@code wasm_exec_completed}: seed 001's result fields
 * ({@code success}, {@code output}, {@code error}) with the request's identity and the execution's figures.
 */
@EventName("wasm_exec_completed")
record ExecutionCompleted(
    @JsonProperty("request_id") String requestId,
    @JsonProperty("cid") String cid,
    @JsonProperty("user_id") String userId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("success") boolean success,
    @JsonProperty("output") JsonNode output,
    @JsonProperty("error") String error,
    @JsonProperty("error_code") String errorCode,
    @JsonProperty("gas_used") long gasUsed,
    @JsonProperty("duration") long duration,
    @JsonProperty("executed_at") String executedAt,
    @JsonProperty("executor_node") String executorNode) {

  static ExecutionCompleted of(ExecutionRequested request, ExecutionOutcome o) {
    return new ExecutionCompleted(o.requestId(), request.cid(), request.userId(), request.sessionId(), o.success(),
        o.output() == null ? NullNode.getInstance() : o.output(), o.error(), o.errorCode(), o.gasUsed(),
        o.durationMs(), o.executedAt().toString(), o.executorNode());
  }

  ExecutionOutcome toOutcome() {
    return new ExecutionOutcome(requestId, success, output == null ? NullNode.getInstance() : output, errorCode,
        error, gasUsed, duration, executedAt == null ? Instant.EPOCH : Instant.parse(executedAt), executorNode);
  }
}
