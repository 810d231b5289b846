package io.wasmhive.workflow.store;

import io.wasmhive.workflow.sdk.SerializedWorkflow;
import java.util.Optional;

/** Submitted workflows by id. Implementations are thread-safe and block on I/O. */
public interface WorkflowStore {

  /** Stores an accepted workflow with its body as sent; returns it with its new id. */
  StoredWorkflow save(String source, SerializedWorkflow document);

  /** The workflow with this id, or empty. */
  Optional<StoredWorkflow> find(String id);
}
