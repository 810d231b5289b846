/**
 * How the service takes part in the platform's security chain (platform-infra's {@code
 * io.wasmhive.platform.security}): the paths it serves without credentials in secure mode and the shape of the
 * chain's refusals. Who may use a workflow or a run is decided where they are served, by their tenant and owner
 * ({@link io.wasmhive.workflow.store.StoredWorkflow#visibleTo}, {@link
 * io.wasmhive.workflow.store.StoredWorkflow#ownedBy}).
 */
package io.wasmhive.workflow.access;
