package io.wasmhive.workflow.store;

import io.wasmhive.platform.security.Caller;
import io.wasmhive.workflow.sdk.SerializedWorkflow;
import java.time.Instant;
import java.util.Objects;

/**
 * A submitted workflow.
 *
 * @param id the id the service gave it
 * @param owner the workflow's owner address, as the SDK's body sent it (client-supplied: the account its contract
 *     steps act for, never an identity)
 * @param principal the authenticated principal that submitted it, who owns it in access terms; null for a workflow
 *     stored before workflows recorded it (only administrators reach those)
 * @param tenant the tenant of that principal, whose members may read, run and follow it; null as above
 * @param createdAt when the service accepted it (not the SDK's {@code metadata.createdAt})
 * @param source the body exactly as it was sent (UTF-8)
 * @param document the workflow read from it
 */
public record StoredWorkflow(String id, String owner, String principal, String tenant, Instant createdAt,
    String source, SerializedWorkflow document) {

  public StoredWorkflow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(document, "document");
  }

  /** Whether the caller may read, run and follow this workflow: a member of its tenant, or an administrator. */
  public boolean visibleTo(Caller caller) {
    return caller.isAdmin() || tenant != null && caller.inTenant(tenant);
  }

  /**
   * Whether the caller may change this workflow (pause, resume, cancel its schedule) or execute its runs: the
   * principal that submitted it, in its tenant, or an administrator.
   */
  public boolean ownedBy(Caller caller) {
    return caller.isAdmin() || visibleTo(caller) && principal != null && caller.owns(principal);
  }
}
