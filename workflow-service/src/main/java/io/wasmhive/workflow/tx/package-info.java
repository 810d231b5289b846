/**
 * Executed runs ({@code "execute":true}): the deployment's signer ({@code workflow.signer.*},
 * {@code WORKFLOW_SIGNER_KEY}), a transaction per contract step with web3j (nonces per chain and address, EIP-1559
 * fees from the node, a gas estimate with a margin, a receipt wait bounded in time), and the hashes recorded in
 * MongoDB {@code workflow_transactions} before they are sent, so a run re-attempted after a crash looks its
 * transactions up instead of sending them again. Separate from the read-only chain access on purpose.
 */
package io.wasmhive.workflow.tx;
