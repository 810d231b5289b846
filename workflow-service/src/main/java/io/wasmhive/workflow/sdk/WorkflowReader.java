package io.wasmhive.workflow.sdk;

import io.wasmhive.workflow.api.WorkflowError;
import io.wasmhive.workflow.api.WorkflowException;
import io.wasmhive.workflow.sdk.Issues.Path;
import tools.jackson.databind.JsonNode;

/**
 * Reads a workflow the SDK serialized, in the wrapped ({@code {"workflow","metadata"}}) or the plain form, and
 * checks it completely before building anything: the size, then the JSON (nesting depth, lengths), then the
 * SDK's schema and the limits (every issue found, up to 20), then the step rules (the first broken one). Thread-safe.
 */
public final class WorkflowReader {

  /** The SDK's message for a document that breaks the schema. */
  public static final String INVALID_DATA = "Invalid workflow data";

  private final WorkflowLimits limits;
  private final JsonBody json;

  public WorkflowReader(WorkflowLimits limits) {
    this.limits = limits;
    this.json = new JsonBody(limits);
  }

  /** The limits this reader enforces. */
  public WorkflowLimits limits() {
    return limits;
  }

  /**
   * The workflow in the body.
   *
   * @throws WorkflowException {@code INVALID_SERIALIZED_DATA} (details: zod-shaped issues) or
   *     {@code INVALID_BIGINT} (details: the SDK's {@code Cannot convert … to a BigInt})
   */
  public SerializedWorkflow read(byte[] body) {
    JsonNode root = json.parse(body);
    Issues issues = new SchemaCheck(limits).check(root);
    if (!issues.isEmpty()) {
      throw new WorkflowException(WorkflowError.INVALID_SERIALIZED_DATA, INVALID_DATA, issues.list());
    }
    SerializedWorkflow document = ModelBuilder.document(root);
    StepRules.check(document.workflow(), document.wrapped() ? Path.ROOT.with("workflow") : Path.ROOT);
    return document;
  }

  /** The error for a body larger than the limit, for callers that stop reading it early. */
  public WorkflowException bodyTooLarge() {
    return JsonBody.tooLarge(limits.maxBodyBytes());
  }
}
