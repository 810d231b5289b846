package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

/** One executed WebAssembly step in the SDK's shape: the reference, the module's JSON result and how long it took. */
@JsonPropertyOrder({"ref", "result", "durationMs"})
public record ResolvedWasmRef(WasmRef ref, JsonNode result, long durationMs) {
}
