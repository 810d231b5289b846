package io.wasmhive.workflow.contract;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * One contract call to simulate.
 *
 * @param chainId the chain to call
 * @param from the caller (the workflow's owner), {@code 0x} and 40 hex digits
 * @param target the contract, {@code 0x} and 40 hex digits
 * @param functionName the function's name, e.g. {@code transfer}
 * @param inputTypes the canonical Solidity types of its inputs, e.g. {@code address}, {@code uint256[3]},
 *     {@code (address,uint256)}
 * @param arguments one value per input: a {@link String} as the SDK writes it, a {@code tools.jackson} JSON node,
 *     a {@link Number}, a {@link Boolean} or a {@link List} of such values
 * @param value the wei sent with the call
 */
public record ContractCall(long chainId, String from, String target, String functionName, List<String> inputTypes,
    List<?> arguments, BigInteger value) {

  public ContractCall {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(functionName, "functionName");
    inputTypes = List.copyOf(inputTypes);
    arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
    value = value == null ? BigInteger.ZERO : value;
  }
}
