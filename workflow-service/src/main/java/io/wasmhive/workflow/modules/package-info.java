/**
 * The modules a workflow's WASM steps name: {@link io.wasmhive.workflow.modules.StepModules} resolves a step's
 * {@code wasmHash} (SHA-256, CID or alias) through platform-infra's shared module store and asks the indexer for
 * the missing ones on the event bus ({@code module_index_requested}), without waiting.
 */
package io.wasmhive.workflow.modules;
