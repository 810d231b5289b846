package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * One resolved {@code $ref:} in the SDK's serialized shape: the reference, its value (integers as
 * {@code {"__bigint":"…"}}) and the block it was read at, a decimal string.
 */
@JsonPropertyOrder({"ref", "value", "blockNumber"})
public record ResolvedDataRef(DataRef ref, JsonNode value, String blockNumber) {
}
