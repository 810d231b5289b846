package io.wasmhive.relay.guard;

/**
 * What a permission check is asked.
 *
 * @param userId the caller
 * @param sessionId the caller's session, or an empty string
 * @param moduleRef the module as the client named it: a CIDv0, a CIDv1 or {@code glyph://name@version}
 * @param cid the resolved CID when known (rules about CIDs also apply to names resolving to them), else null
 */
public record PermissionRequest(String userId, String sessionId, String moduleRef, String cid) {
}
