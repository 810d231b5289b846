package io.wasmhive.workflow.abi;

import java.util.List;
import java.util.Objects;

/**
 * A parsed function signature in viem's human-readable form, as a step's {@code abi}: an optional {@code function}
 * keyword, a name, parameters (types with an optional data location and name), optional modifiers ({@code public},
 * {@code external}, {@code pure}, {@code view}, {@code payable}, {@code nonpayable}) and an optional {@code returns
 * (…)}. Types: {@code address}, {@code bool}, {@code string}, {@code bytes}, {@code bytes1}…{@code bytes32},
 * {@code int8}…{@code int256} and {@code uint8}…{@code uint256} by 8 ({@code int}/{@code uint} mean 256), tuples
 * {@code (address,uint256)} (or {@code tuple(…)}), each with any number of {@code []} or {@code [N]} suffixes.
 * Bounded: at most {@value #MAX_LENGTH} characters, tuples and arrays nested at most {@value #MAX_NESTING} deep,
 * fixed arrays of at most {@value #MAX_FIXED_LENGTH} elements. Immutable.
 *
 * @param name the function's name
 * @param inputTypes the parameters' canonical types ({@code uint256}, {@code address[]}, {@code (address,uint256)})
 * @param outputTypes the canonical types of {@code returns (…)}, empty when there is none
 */
public record FunctionSignature(String name, List<String> inputTypes, List<String> outputTypes) {

  /** The longest signature text accepted. */
  public static final int MAX_LENGTH = 4096;
  /** How deep tuples and array suffixes may nest in one type. */
  public static final int MAX_NESTING = 8;
  /** The largest length of a fixed-size array. */
  public static final int MAX_FIXED_LENGTH = 1024;

  public FunctionSignature {
    Objects.requireNonNull(name, "name");
    inputTypes = List.copyOf(inputTypes);
    outputTypes = List.copyOf(outputTypes);
  }

  /**
   * Parses a signature.
   *
   * @throws InvalidSignatureException when it does not parse or exceeds a bound
   */
  public static FunctionSignature parse(String text) {
    if (text == null) {
      throw new InvalidSignatureException("no signature");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSignatureException("longer than " + MAX_LENGTH + " characters");
    }
    return new SignatureParser(text).signature();
  }

  /** The text the selector is the keccak-256 of: {@code name(type,type)}. */
  public String selectorSignature() {
    return name + "(" + String.join(",", inputTypes) + ")";
  }
}
