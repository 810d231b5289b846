package io.wasmhive.workflow.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * Where a verification found the leader's run and its own re-execution apart: the step (its position and
 * {@code wasmId}; both absent for the recording as a whole), the field that differs, written as a path
 * ({@code result.balance}, {@code result.items[2]}, {@code rpc[1].request}, {@code rpcRecording.hash}), what the
 * leader's context or recording says and what the verifier got ({@code null} when there is nothing).
 */
@JsonPropertyOrder({"step", "wasmId", "field", "expected", "got"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Divergence(Integer step, String wasmId, String field, JsonNode expected, JsonNode got) {
}
