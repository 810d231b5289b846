package io.wasmhive.relay.identity;

import io.wasmhive.platform.security.Roles;
import java.util.Objects;
import java.util.Set;

/**
 * Who sent a request. In secure mode: the authenticated caller's principal and roles. In local mode: the seed's
 * {@code user_id} and {@code session_id} headers when the deployment enables header identity
 * ({@code relay.identity.header-enabled}, the dev default), otherwise {@link #ANONYMOUS_USER}.
 *
 * @param userId the user every guard and every event is keyed by; never blank
 * @param sessionId the session header, or an empty string
 * @param source where the user id came from
 * @param roles the authenticated caller's roles (secure mode only; empty otherwise)
 */
public record RequestIdentity(String userId, String sessionId, Source source, Set<String> roles) {

  /** The user id of a request that carries no identity. */
  public static final String ANONYMOUS_USER = "anonymous";

  /** Where an identity came from. */
  public enum Source { PRINCIPAL, HEADER, ANONYMOUS }

  public RequestIdentity {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(source, "source");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    sessionId = sessionId == null ? "" : sessionId;
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /** An identity without roles (local mode's). */
  public RequestIdentity(String userId, String sessionId, Source source) {
    this(userId, sessionId, source, Set.of());
  }

  /** The identity of a request without principal or usable headers. */
  public static RequestIdentity anonymous() {
    return new RequestIdentity(ANONYMOUS_USER, "", Source.ANONYMOUS);
  }

  /** Whether the authenticated caller holds the role or is an administrator (never in local mode). */
  public boolean may(String role) {
    return roles.contains(Roles.ADMIN) || roles.contains(role);
  }
}
