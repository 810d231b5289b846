package io.wasmhive.workflow.tx;

/**
 * What became of an executed step's transaction.
 *
 * @param status {@code mined} (receipt status 1), {@code reverted} (mined, receipt status 0), {@code not-sent}
 *     (its simulation reverted or the node refused it), {@code timeout} (sent, no receipt within
 *     {@code workflow.signer.receipt-timeout}) or {@code dropped} (recorded by an earlier attempt, but its nonce
 *     went to another transaction)
 * @param from the signer's address
 * @param hash the transaction's hash, {@code 0x} hex; null when nothing was signed
 * @param nonce its nonce; null when nothing was signed
 * @param gasLimit the gas limit it was sent with (decimal); null when not known
 * @param maxFeePerGas wei (decimal); null when not known
 * @param maxPriorityFeePerGas wei (decimal); null when not known
 * @param blockNumber the block it was mined in (decimal); null until mined
 * @param gasUsed the gas it used (decimal); null until mined
 * @param effectiveGasPrice wei per gas paid (decimal); null until mined
 * @param simulatedAt the block the pre-send simulation ran at (decimal), or null
 * @param returnData what the simulation returned, or its revert data
 * @param revertReason the decoded revert of the simulation or of the mined transaction
 * @param error why the step failed (null when mined)
 * @param resumed true when the transaction was recorded by an earlier attempt of the run and looked up, not sent
 */
public record TransactionOutcome(String status, String from, String hash, Long nonce, String gasLimit,
    String maxFeePerGas, String maxPriorityFeePerGas, String blockNumber, String gasUsed, String effectiveGasPrice,
    String simulatedAt, String returnData, String revertReason, String error, Boolean resumed) {

  /** Whether the step succeeded. */
  public boolean mined() {
    return "mined".equals(status);
  }
}
