package io.wasmhive.workflow.store;

import io.wasmhive.workflow.sdk.SerializedWorkflow;
import java.time.Instant;
import java.util.Objects;

/**
 * A submitted workflow.
 *
 * @param id the id the service gave it
 * @param owner the workflow's owner, as sent
 * @param createdAt when the service accepted it (not the SDK's {@code metadata.createdAt})
 * @param source the body exactly as it was sent (UTF-8)
 * @param document the workflow read from it
 */
public record StoredWorkflow(String id, String owner, Instant createdAt, String source,
    SerializedWorkflow document) {

  public StoredWorkflow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(document, "document");
  }
}
