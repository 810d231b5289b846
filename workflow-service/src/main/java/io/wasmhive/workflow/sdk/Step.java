package io.wasmhive.workflow.sdk;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A step as the SDK writes it. Every argument and the value are strings: decimal numbers, addresses, booleans,
 * {@code $wasm:}/{@code $ref:} references as written, and array arguments comma-joined ({@code "1,2,3"}) or as
 * JSON text ({@code "[1,2,3]"}); decoding them is the call encoder's work. A WASM step has the zero address,
 * {@code abi ""}, no arguments and {@code value "0"}.
 *
 * @param target the contract address ({@code 0x} and 40 hex digits)
 * @param abi the function signature ({@code transfer(address,uint256)}), or {@code ""} for a plain value transfer
 * @param args the arguments, as strings
 * @param value wei as a decimal string, or a {@code $wasm:}/{@code $ref:} reference
 * @param type the step's type (given, or {@code wasm} when both {@code wasmHash} and {@code wasmId} are present)
 * @param wasmHash the module: SHA-256 hex, a CID, or an alias (the module registry's id); {@code null} if absent
 * @param wasmInput the JSON the module reads on stdin: {@code null} when absent, a JSON null node when
 *     {@code "wasmInput":null} was sent (private copy; the accessor returns a copy)
 * @param wasmId the id later steps use in {@code $wasm:} references, or {@code null}
 * @param wasmTimeoutMs the step's timeout in milliseconds, or {@code null}
 */
public record Step(String target, String abi, List<String> args, String value, StepType type, String wasmHash,
    JsonNode wasmInput, String wasmId, Long wasmTimeoutMs) {

  /** The address a WASM step carries as its target. */
  public static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

  public Step {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(abi, "abi");
    args = List.copyOf(args);
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(type, "type");
    wasmInput = wasmInput == null ? null : wasmInput.deepCopy();
  }

  /** A copy of the input (or {@code null} when absent): the record stays immutable. */
  @Override
  public JsonNode wasmInput() {
    return wasmInput == null ? null : wasmInput.deepCopy();
  }

  /** Whether {@code wasmInput} was given (possibly as JSON {@code null}). */
  public boolean hasWasmInput() {
    return wasmInput != null;
  }
}
