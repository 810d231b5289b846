package io.wasmhive.relay.intent;

import io.wasmhive.relay.gateway.ExecutionPolicy;
import tools.jackson.databind.JsonNode;

/**
 * A request body that passed validation.
 *
 * @param cid the module reference as sent (CIDv0, CIDv1 or {@code glyph://name@version})
 * @param inputs a JSON array or object ({@code []} when left out)
 * @param policy the effective policy: the request's values, the defaults for the rest
 * @param idempotencyKey the explicit key, or null
 * @param async whether the client asked for {@code "mode":"async"}
 */
public record ValidatedRequest(String cid, JsonNode inputs, ExecutionPolicy policy, String idempotencyKey,
    boolean async) {
}
