package io.wasmhive.workflow.api;

import java.util.Objects;

/**
 * An error the workflow API answers with: a {@link WorkflowError}, a message for the client and optional
 * details (any JSON-serializable value: the SDK's issue list, a string). Unchecked.
 */
public class WorkflowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final WorkflowError error;
  private final transient Object details;

  public WorkflowException(WorkflowError error, String message, Object details) {
    super(message);
    this.error = Objects.requireNonNull(error, "error");
    this.details = details;
  }

  public WorkflowException(WorkflowError error, String message) {
    this(error, message, null);
  }

  /** The code and status. */
  public WorkflowError error() {
    return error;
  }

  /** The details, or {@code null}. */
  public Object details() {
    return details;
  }
}
