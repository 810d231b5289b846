/**
 * workflow-service: runs workflows in the Ditto format: contract steps against Ethereum JSON-RPC and WebAssembly steps on the executor.
 *
 * <p>This package holds the application class only; each feature gets a package of its own
 * beneath it ({@code workflow.<feature>}), never a package per layer.
 */
package io.wasmhive.workflow;
