package io.wasmhive.workflow.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One step of a run as {@code GET /runs/{id}} shows it. Absent members are omitted.
 *
 * @param index the step's position in the job
 * @param type {@code wasm} or {@code contract}
 * @param wasmId a WebAssembly step's id
 * @param module the SHA-256 of the module a WebAssembly step ran
 * @param status {@code pending}, {@code succeeded}, {@code failed} or {@code skipped}
 * @param input a WebAssembly step's stdin JSON, or a contract step's resolved arguments
 * @param output a WebAssembly step's result
 * @param error why the step failed
 * @param stderr what the module wrote to stderr (bounded)
 * @param gasUsed the executor's gas for a WebAssembly step
 * @param durationMs how long the step took
 * @param call a contract step's simulated (or executed) call
 * @param rpc the JSON-RPC exchanges the step made, in order
 * @param reason why a step was skipped, when it was skipped for a reason of its own (the owner whitelist)
 */
@JsonPropertyOrder({"index", "type", "wasmId", "module", "status", "input", "output", "error", "stderr", "gasUsed",
    "durationMs", "call", "rpc", "reason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepView(int index, String type, String wasmId, String module, String status, JsonNode input,
    JsonNode output, String error, String stderr, Long gasUsed, Long durationMs, CallView call,
    List<JsonNode> rpc, String reason) {

  /** A step that has not run. */
  static StepView pending(int index, String type, String wasmId) {
    return new StepView(index, type, wasmId, null, "pending", null, null, null, null, null, null, null, null, null);
  }

  /** The same step, skipped. */
  StepView skipped() {
    return skipped(null);
  }

  /** The same step, skipped for {@code reason}. */
  StepView skipped(String reason) {
    return new StepView(index, type, wasmId, module, "skipped", input, output, error, stderr, gasUsed, durationMs,
        call, rpc, reason);
  }

  /**
   * A contract step's simulated call.
   *
   * @param from the workflow's owner, who the call is made from
   * @param target the contract
   * @param abi the function signature as the workflow gives it
   * @param value wei, decimal
   * @param calldata the encoded call, {@code 0x} hex
   * @param block the pinned block the call was made at
   * @param success whether the call returned without reverting
   * @param returnData what it returned (or the revert data), {@code 0x} hex
   * @param revertReason the decoded revert: {@code Error(string)}'s text, {@code Panic(…)}, or the raw custom error
   * @param transaction in a run with {@code "execute":true}, the transaction sent for the step (its {@code from}
   *     is then the signer; {@code block} the block it was mined in, or the simulation's when none was)
   */
  @JsonPropertyOrder({"from", "target", "abi", "value", "calldata", "block", "success", "returnData", "revertReason",
      "transaction"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CallView(String from, String target, String abi, String value, String calldata, String block,
      Boolean success, String returnData, String revertReason, TransactionView transaction) {
  }

  /**
   * The transaction of an executed contract step (see {@link io.wasmhive.workflow.tx.TransactionOutcome}).
   *
   * @param status {@code mined}, {@code reverted}, {@code not-sent}, {@code timeout} or {@code dropped}
   * @param hash its hash, absent when nothing was sent
   * @param nonce its nonce
   * @param gasLimit the gas limit (the node's estimate plus the margin), decimal
   * @param maxFeePerGas wei, decimal
   * @param maxPriorityFeePerGas wei, decimal
   * @param blockNumber the block it was mined in, decimal
   * @param gasUsed the gas it used, decimal
   * @param effectiveGasPrice wei per gas paid, decimal
   * @param resumed true when an earlier attempt of the run had sent it and it was looked up, not sent again
   */
  @JsonPropertyOrder({"status", "hash", "nonce", "gasLimit", "maxFeePerGas", "maxPriorityFeePerGas", "blockNumber",
      "gasUsed", "effectiveGasPrice", "resumed"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TransactionView(String status, String hash, Long nonce, String gasLimit, String maxFeePerGas,
      String maxPriorityFeePerGas, String blockNumber, String gasUsed, String effectiveGasPrice, Boolean resumed) {

    static TransactionView of(io.wasmhive.workflow.tx.TransactionOutcome tx) {
      return new TransactionView(tx.status(), tx.hash(), tx.nonce(), tx.gasLimit(), tx.maxFeePerGas(),
          tx.maxPriorityFeePerGas(), tx.blockNumber(), tx.gasUsed(), tx.effectiveGasPrice(), tx.resumed());
    }
  }
}
