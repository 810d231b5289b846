package io.wasmhive.relay.intent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;
import java.util.Map;

/**
 * The bodies of {@code /intent/execute-wasm} as the OpenAPI document shows them (ADR 0025). The controller reads
 * and writes them as JSON itself ({@link RequestValidator}, {@link ExecutionResponses}); these records only describe
 * them, and the relay's OpenAPI contract test checks every real answer against them.
 */
final class IntentSchemas {

  private IntentSchemas() {
  }

  @Schema(name = "ExecuteWasmRequest", description = "Seed 001's request; unknown members are refused",
      example = """
          {"cid": "bafkreibhmtmv24yn2zu7udv53bwwvgrylzhbep2e52p72tly7wjiufzpom", "inputs": [1, 2],
           "policy": {"max_memory": 1048576, "max_gas": 1000000, "max_time": 5000},
           "idempotency_key": "optional-unique-key"}""")
  record ExecuteRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "A CID, a SHA-256, or glyph://name@version")
      String cid,
      @Schema(description = "The entry's arguments, JSON values") List<Object> inputs,
      Policy policy,
      @JsonProperty("idempotency_key") @Schema(description = "Replays the stored answer within the TTL")
      String idempotencyKey,
      @Schema(allowableValues = {"sync", "async"}, description = "async answers 202 at once") String mode) {
  }

  @Schema(name = "ExecutionPolicy", description = "Limits, each at most the relay's maximum")
  record Policy(@JsonProperty("max_memory") Long maxMemory, @JsonProperty("max_gas") Long maxGas,
      @JsonProperty("max_time") @Schema(description = "milliseconds") Long maxTime) {
  }

  @Schema(name = "ExecutionResult", description = "A finished execution (seed 001); a failed one adds error",
      requiredProperties = {"success", "request_id", "output", "gas_used", "duration", "executed_at"},
      example = """
          {"success": true, "request_id": "f3a9c2", "output": 3, "gas_used": 12345, "duration": 150,
           "executed_at": "2024-01-15T10:30:00Z"}""")
  record Result(boolean success, @JsonProperty("request_id") String requestId,
      @Schema(description = "The guest's JSON output, null when it failed") Object output,
      @JsonProperty("gas_used") long gasUsed, @Schema(description = "milliseconds") long duration,
      @JsonProperty("executed_at") @Schema(format = "date-time") String executedAt,
      @JsonProperty("executor_node") String executorNode,
      @Schema(description = "A failed execution's code and message") Map<String, String> error) {
  }

  @Schema(name = "ExecutionAccepted", requiredProperties = {"success", "request_id", "status", "status_url"})
  record Accepted(boolean success, @JsonProperty("request_id") String requestId,
      @Schema(allowableValues = "queued") String status, @JsonProperty("status_url") String statusUrl) {
  }

  @Schema(name = "ExecutionStatus", requiredProperties = {"request_id", "status"},
      description = "running, or the finished answer under result with its HTTP status")
  record Status(@JsonProperty("request_id") String requestId,
      @Schema(allowableValues = {"running", "completed", "failed"}) String status,
      @JsonProperty("http_status") Integer httpStatus, Result result) {
  }

  @Schema(name = "RelayHealth", requiredProperties = {"status", "features", "limits"})
  record Health(@Schema(allowableValues = {"healthy", "degraded"}) String status, Map<String, Boolean> features,
      Map<String, Long> limits, @Schema(description = "Why a feature is off or degraded") Map<String, String> details) {
  }
}
