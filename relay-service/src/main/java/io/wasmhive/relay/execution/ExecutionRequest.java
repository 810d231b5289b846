package io.wasmhive.relay.execution;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An accepted execution, as published on {@code wasm_exec_requested}.
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
}
