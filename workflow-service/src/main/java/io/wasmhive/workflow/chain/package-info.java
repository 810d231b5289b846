/**
 * Read-only chain access for a run: the JSON-RPC endpoints of each chain (from configuration only), and the
 * per-run {@link io.wasmhive.workflow.chain.ChainSession} that answers guests' JSON-RPC requests with an
 * allow-list of read methods, one pinned block per chain, a time bound per call, a call budget and a record
 * of every exchange.
 */
package io.wasmhive.workflow.chain;
