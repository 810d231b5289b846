package io.wasmhive.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import tools.jackson.databind.JsonNode;

/**
 * A finished execution: published on {@value Streams#EXEC_COMPLETED}, once per request, with seed
 * 001's result fields ({@code success}, {@code output}, {@code error}), the request's identity and the
 * execution's figures.
 *
 * @param requestId the request id
 * @param cid the module as the client named it
 * @param userId the caller
 * @param sessionId the caller's session
 * @param success whether the module ran to completion and produced an output
 * @param output its output (JSON); {@code null} on failure
 * @param error on failure a message for the client; {@code null} on success
 * @param errorCode on failure {@code TIMEOUT}, {@code OUT_OF_GAS}, {@code MEMORY_LIMIT}, {@code TRAP},
 *     {@code INVALID_INPUT}, {@code OUTPUT_LIMIT}, {@code INVALID_OUTPUT}, {@code INVALID_MODULE},
 *     {@code MODULE_UNAVAILABLE} or {@code INTERNAL_ERROR}; {@code null} on success
 * @param gasUsed gas consumed
 * @param duration milliseconds of execution
 * @param executedAt when it finished, ISO-8601
 * @param executorNode the consumer that ran it
 */
@EventName(Streams.EXEC_COMPLETED)
public record ExecutionCompleted(
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
}
