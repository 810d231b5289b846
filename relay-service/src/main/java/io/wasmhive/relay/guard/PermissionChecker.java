package io.wasmhive.relay.guard;

import io.wasmhive.relay.health.FeatureState;

/**
 * Stage 4 of the pipeline (the seed's "Antigone"): may this user run this module? Implementations fail closed:
 * an error or an open circuit is a denial with a reason, never an allow.
 */
public interface PermissionChecker {

  PermissionDecision check(PermissionRequest request);

  FeatureState state();
}
