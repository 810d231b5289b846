package io.wasmhive.relay.gateway;

import io.wasmhive.platform.events.contract.ExecutionCompleted;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * A finished execution, as the pipeline sees it; {@link #of} reads it from {@code wasm_exec_completed}.
 *
 * @param requestId the request id
 * @param success whether the module ran to completion and produced an output
 * @param output the module's output (JSON); a JSON null node when it failed
 * @param errorCode on failure a stable code ({@code TIMEOUT}, {@code OUT_OF_GAS}, {@code MEMORY_LIMIT},
 *     {@code TRAP}, {@code INVALID_INPUT}, {@code OUTPUT_LIMIT}, {@code INVALID_OUTPUT}, {@code INVALID_MODULE},
 *     {@code MODULE_UNAVAILABLE},
 *     {@code INTERNAL_ERROR}); null on success
 * @param error on failure a message; null on success
 * @param gasUsed gas consumed
 * @param durationMs execution time in milliseconds
 * @param executedAt when the execution finished
 * @param executorNode the consumer that ran it
 */
public record ExecutionOutcome(String requestId, boolean success, JsonNode output, String errorCode, String error,
    long gasUsed, long durationMs, Instant executedAt, String executorNode) {

  /** The outcome {@code wasm_exec_completed} carries; a missing output is a JSON null. */
  public static ExecutionOutcome of(ExecutionCompleted c) {
    return new ExecutionOutcome(c.requestId(), c.success(), c.output() == null ? NullNode.getInstance() : c.output(),
        c.errorCode(), c.error(), c.gasUsed(), c.duration(),
        c.executedAt() == null ? Instant.EPOCH : Instant.parse(c.executedAt()), c.executorNode());
  }
}
