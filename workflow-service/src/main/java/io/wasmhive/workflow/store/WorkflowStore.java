package io.wasmhive.workflow.store;

import io.wasmhive.workflow.sdk.SerializedWorkflow;
import java.util.Optional;

/** Submitted workflows by id. Implementations are thread-safe and block on I/O. */
public interface WorkflowStore {

  /**
   * Stores an accepted workflow with its body as sent and the principal and tenant that submitted it; returns it
   * with its new id (every call makes a new workflow: an id is never registered twice).
   */
  StoredWorkflow save(String source, SerializedWorkflow document, String principal, String tenant);

  /** The workflow with this id, or empty. */
  Optional<StoredWorkflow> find(String id);
}
