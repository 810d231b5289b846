package io.wasmhive.platform.modules;

/**
 * Who may re-point an alias: the principal that first gave it, or the on-chain module registry for the registry's
 * ids (which no principal may re-point). Administrators act on a principal's aliases in the services, not here.
 *
 * @param principal the owning principal, or {@code null} for the registry
 * @param registry whether the registry owns the alias
 */
public record AliasOwner(String principal, boolean registry) {

  /** The on-chain module registry, owner of the ids the chain watcher records. */
  public static final AliasOwner REGISTRY = new AliasOwner(null, true);

  public AliasOwner {
    if (registry != (principal == null) || (principal != null && principal.isBlank())) {
      throw new IllegalArgumentException("an alias owner is either a principal or the registry");
    }
  }

  /** The alias owner that is this principal. */
  public static AliasOwner principal(String principal) {
    return new AliasOwner(principal, false);
  }
}
