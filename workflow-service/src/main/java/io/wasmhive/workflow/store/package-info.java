/**
 * Submitted workflows: {@code POST /workflows} and {@code GET /workflows/{id}} ({@link
 * io.wasmhive.workflow.store.WorkflowController}) and their MongoDB collection {@code workflows} ({@link
 * io.wasmhive.workflow.store.WorkflowStore}), which keeps each body exactly as it was sent.
 */
package io.wasmhive.workflow.store;
