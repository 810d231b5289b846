package io.wasmhive.workflow.store;

import java.util.Objects;

/**
 * A workflow was accepted and stored by {@code POST /workflows}: published in process (Spring's application events),
 * synchronously, before the answer is sent, so that what a listener does (the schedule of a time-triggered workflow)
 * exists once the client has the id.
 *
 * @param workflow the stored workflow
 */
public record WorkflowSubmitted(StoredWorkflow workflow) {

  public WorkflowSubmitted {
    Objects.requireNonNull(workflow, "workflow");
  }
}
