package io.wasmhive.platform.security;

import java.time.Instant;
import java.util.Set;

/**
 * An issued API key as stored: never its secret, only a slow hash of it.
 *
 * @param id the public key id, also the key's prefix ({@code whk_<id>_…}); names the key in admin calls and logs
 * @param secretHash the BCrypt hash of the secret part
 * @param principal who the key authenticates
 * @param tenant the principal's tenant
 * @param roles the key's roles
 * @param createdAt when it was issued
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiKey(String id, String secretHash, String principal, String tenant, Set<String> roles,
    Instant createdAt, Instant revokedAt) {

  /** The caller this key authenticates. */
  public Caller caller() {
    return new Caller(principal, tenant, roles, Caller.Source.API_KEY);
  }
}
