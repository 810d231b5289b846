package io.wasmhive.relay.guard;

/**
 * The answer of a {@link PermissionChecker}.
 *
 * @param allowed whether the execution may go on
 * @param reason why, in words a client can read (returned with a 403)
 */
public record PermissionDecision(boolean allowed, String reason) {

  public static PermissionDecision allow(String reason) {
    return new PermissionDecision(true, reason);
  }

  public static PermissionDecision deny(String reason) {
    return new PermissionDecision(false, reason);
  }
}
