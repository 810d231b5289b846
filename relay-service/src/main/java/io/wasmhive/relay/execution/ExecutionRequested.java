package io.wasmhive.relay.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wasmhive.platform.events.EventName;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The wire form of an {@link ExecutionRequest} on {@code wasm_exec_requested}: seed 001's fields plus the
 * SHA-256 of the resolved module, so executors never resolve again.
 */
@EventName("wasm_exec_requested")
record ExecutionRequested(
    @JsonProperty("request_id") String requestId,
    @JsonProperty("cid") String cid,
    @JsonProperty("module_sha256") String moduleSha256,
    @JsonProperty("inputs") JsonNode inputs,
    @JsonProperty("policy") WirePolicy policy,
    @JsonProperty("user_id") String userId,
    @JsonProperty("session_id") String sessionId,
    @JsonProperty("timestamp") String timestamp) {

  static ExecutionRequested of(ExecutionRequest r) {
    ExecutionPolicy p = r.policy();
    return new ExecutionRequested(r.requestId(), r.cid(), r.moduleSha256(), r.inputs(),
        p == null ? null : new WirePolicy(p.maxMemory(), p.maxGas(), p.maxTimeMs()), r.userId(), r.sessionId(),
        r.timestamp() == null ? Instant.now().toString() : r.timestamp().toString());
  }

  /** The policy as the seed names its fields; {@code max_time} in milliseconds. */
  record WirePolicy(
      @JsonProperty("max_memory") long maxMemory,
      @JsonProperty("max_gas") long maxGas,
      @JsonProperty("max_time") long maxTime) {
  }
}
