/**
 * Function signatures as the Ditto SDK writes them in a step's {@code abi} ({@code transfer(address,uint256)},
 * {@code balanceOf(address) view returns (uint256)}): {@link io.wasmhive.workflow.abi.FunctionSignature} parses
 * and checks one and gives its name and canonical Solidity types. Encoding calls is the call encoder's work.
 */
package io.wasmhive.workflow.abi;
