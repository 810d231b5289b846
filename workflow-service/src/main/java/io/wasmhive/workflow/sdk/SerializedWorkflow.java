package io.wasmhive.workflow.sdk;

import java.util.Objects;

/**
 * A workflow as the SDK uploads it: {@code {"workflow":{…},"metadata":{…}}}, or the plain form (the workflow
 * object alone), which has no metadata.
 *
 * @param workflow the workflow
 * @param metadata the SDK's metadata, or {@code null} for the plain form
 */
public record SerializedWorkflow(Workflow workflow, Metadata metadata) {

  public SerializedWorkflow {
    Objects.requireNonNull(workflow, "workflow");
  }

  /** Whether it came (and is written) in the wrapped {@code {"workflow","metadata"}} form. */
  public boolean wrapped() {
    return metadata != null;
  }
}
