/**
 * The HTTP error vocabulary of the workflow API: {@link io.wasmhive.workflow.api.WorkflowError} (every code with
 * its status, once), {@link io.wasmhive.workflow.api.WorkflowException}, and {@link
 * io.wasmhive.workflow.api.WorkflowErrors}, the one place that renders {@code {"error":{"code","message",
 * "details"}}} for controllers marked {@link io.wasmhive.workflow.api.WorkflowApi} (the Ditto WASM server API has
 * shapes of its own and is not marked).
 */
package io.wasmhive.workflow.api;
