package io.wasmhive.workflow.contract;

import java.math.BigInteger;

/**
 * What a simulated call did.
 *
 * @param calldata the encoded call, {@code 0x}-prefixed hex
 * @param returnData what the call returned, or on revert the revert data, {@code 0x}-prefixed hex
 * @param success whether the call returned without reverting
 * @param revertReason on revert: the {@code Error(string)} message, {@code Panic(0x11): arithmetic overflow}
 *     and the like for {@code Panic(uint256)}, the raw data for a custom error; null on success
 * @param blockNumber the block the call was simulated at (the session's pinned block of the chain)
 * @param gasEstimate the gas {@code eth_estimateGas} gave for a successful call at that block, or null when not
 *     estimated
 */
public record SimulationResult(String calldata, String returnData, boolean success, String revertReason,
    Long blockNumber, BigInteger gasEstimate) {
}
