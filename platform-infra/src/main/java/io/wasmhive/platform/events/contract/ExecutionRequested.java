package io.wasmhive.platform.events.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import tools.jackson.databind.JsonNode;

/**
 * An accepted execution: published on {@value Streams#EXEC_REQUESTED} with seed 001's fields plus
 * the SHA-256 of the resolved module, so executors never resolve again.
 *
 * @param requestId the request id (SHA-256 hex) every event of this execution carries
 * @param cid the module as the client named it (CID or {@code glyph://} name)
 * @param moduleSha256 the resolved module in the module store; may be missing, and then the executor
 *     looks {@code cid} up
 * @param inputs the client's {@code inputs}, a JSON array or object
 * @param policy the validated policy
 * @param userId the caller
 * @param sessionId the caller's session, or an empty string
 * @param timestamp when the relay accepted it, ISO-8601
 */
@EventName(Streams.EXEC_REQUESTED)
public record ExecutionRequested(
    @JsonProperty("request_id") String requestId,
    @JsonProperty("cid") String cid,
    @JsonProperty("module_sha256") String moduleSha256,
    @JsonProperty("inputs") JsonNode inputs,
    @JsonProperty("policy") WirePolicy policy,
    @JsonProperty("user_id") String userId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("timestamp") String timestamp) {

  /**
   * The policy as the seed names its fields.
   *
   * @param maxMemory bytes of linear memory
   * @param maxGas gas units
   * @param maxTime milliseconds
   */
  public record WirePolicy(
      @JsonProperty("max_memory") long maxMemory,
      @JsonProperty("max_gas") long maxGas,
      @JsonProperty("max_time") long maxTime) {
  }
}
