package io.wasmhive.relay.gateway;

import io.wasmhive.platform.events.contract.ExecutionRequested;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An accepted execution, as the pipeline hands it to the gateway; {@link #toWire()} is its form on
 * {@code wasm_exec_requested}.
 *
 * @param requestId the request id (SHA-256 hex) that every event of this execution carries
 * @param cid the module as the client named it (CID or {@code glyph://} name)
 * @param moduleSha256 the SHA-256 of the resolved module bytes in the module store
 * @param inputs the client's {@code inputs}, a JSON array or object
 * @param policy the validated policy
 * @param userId the caller
 * @param sessionId the caller's session, or an empty string
 * @param timestamp when the relay accepted the request
 */
public record ExecutionRequest(String requestId, String cid, String moduleSha256, JsonNode inputs,
    ExecutionPolicy policy, String userId, String sessionId, Instant timestamp) {

  /** The request as {@code wasm_exec_requested} carries it; a missing timestamp is now. */
  public ExecutionRequested toWire() {
    ExecutionRequested.WirePolicy wirePolicy = policy == null ? null
        : new ExecutionRequested.WirePolicy(policy.maxMemory(), policy.maxGas(), policy.maxTimeMs());
    return new ExecutionRequested(requestId, cid, moduleSha256, inputs, wirePolicy, userId, sessionId,
        (timestamp == null ? Instant.now() : timestamp).toString());
  }
}
