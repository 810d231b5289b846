/**
 * Simulated contract steps: a call encoded from a function name, canonical Solidity input types and the
 * step's arguments (strings as the Ditto SDK writes them, or JSON values from {@code $wasm:} results), sent as
 * {@code eth_call} through the run's {@link io.wasmhive.workflow.chain.ChainSession}, with the revert reason
 * decoded when the call fails.
 */
package io.wasmhive.workflow.contract;
