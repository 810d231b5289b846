package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/**
 * A WebAssembly step as the SDK's {@code WasmRefResolver} sees it: {@code {wasmHash, input, id, timeoutMs}},
 * {@code input} being the step's {@code wasmInput} or {@code {}}, {@code timeoutMs} omitted when the step has none.
 */
@JsonPropertyOrder({"wasmHash", "input", "id", "timeoutMs"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WasmRef(String wasmHash, JsonNode input, String id, Long timeoutMs) {
}
