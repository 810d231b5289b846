package io.wasmhive.platform.security;

import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a request.
 *
 * @param principal who is calling (an API key's principal, a JWT's subject, a trusted proxy's user header, or the
 *     local user); what the caller creates is owned by this name
 * @param tenant the tenant whose namespaces (procedure databases, workflows) the caller may use
 * @param roles the caller's roles ({@link Roles})
 * @param source how the caller was authenticated
 */
public record Caller(String principal, String tenant, Set<String> roles, Source source) {

  /** The principal and tenant of local mode when the request names no user. */
  public static final String LOCAL = "local";

  /** How a caller was authenticated. */
  public enum Source { API_KEY, JWT, TRUSTED_HEADER, LOCAL }

  public Caller {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(source, "source");
    if (principal.isBlank() || tenant.isBlank()) {
      throw new IllegalArgumentException("principal and tenant must not be blank");
    }
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /** A caller of local mode: an administrator of the single local tenant. */
  public static Caller local(String principal) {
    return new Caller(principal == null ? LOCAL : principal, LOCAL, Set.of(Roles.ADMIN), Source.LOCAL);
  }

  /** Whether the caller holds the role, or is an administrator. */
  public boolean may(String role) {
    return roles.contains(Roles.ADMIN) || roles.contains(role);
  }

  /** Whether the caller is an administrator. */
  public boolean isAdmin() {
    return roles.contains(Roles.ADMIN);
  }

  /** Whether the caller may act on what {@code ownerPrincipal} owns: its owner, or an administrator. */
  public boolean owns(String ownerPrincipal) {
    return isAdmin() || principal.equals(ownerPrincipal);
  }

  /** Whether the caller may use what belongs to {@code ownerTenant}: a member of it, or an administrator. */
  public boolean inTenant(String ownerTenant) {
    return isAdmin() || tenant.equals(ownerTenant);
  }
}
