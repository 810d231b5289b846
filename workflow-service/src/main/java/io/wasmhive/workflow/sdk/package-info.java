/**
 * Workflows in the form the Ditto workflow SDK serializes them: the immutable model ({@link
 * io.wasmhive.workflow.sdk.SerializedWorkflow} and its parts), {@link io.wasmhive.workflow.sdk.WorkflowReader},
 * which checks a body completely (schema, step rules, limits) before it builds the model, and {@link
 * io.wasmhive.workflow.sdk.WorkflowWriter}, which writes the model back byte for byte as the SDK's {@code
 * JSON.stringify} does.
 */
package io.wasmhive.workflow.sdk;
