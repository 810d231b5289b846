package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;

/**
 * The relay's permission check: the local rules deny, so it is denied; otherwise the remote service decides
 * when one is configured, else the local rules' answer stands. Thread-safe; closing it stops the local rules'
 * refresh.
 */
final class CombinedPermissionChecker implements PermissionChecker, AutoCloseable {

  private final RulePermissionChecker local;

  private final PermissionChecker remote;

  /** {@code remote} may be null: the local rules decide alone. */
  CombinedPermissionChecker(RulePermissionChecker local, PermissionChecker remote) {
    this.local = local;
    this.remote = remote;
  }

  @Override
  public PermissionDecision check(PermissionRequest request) {
    PermissionDecision decision = local.check(request);
    if (!decision.allowed() || remote == null) {
      return decision;
    }
    return remote.check(request);
  }

  /** Degraded when the remote circuit is open (executions are denied), else when local rules are stale. */
  @Override
  public FeatureState state() {
    if (remote != null && remote.state().degraded()) {
      return remote.state();
    }
    return local.state();
  }

  @Override
  public void close() {
    local.close();
  }
}
