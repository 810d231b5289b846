package io.wasmhive.workflow.run;

import io.wasmhive.workflow.abi.FunctionSignature;
import io.wasmhive.workflow.chain.ChainSession;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import io.wasmhive.workflow.contract.ContractCall;
import io.wasmhive.workflow.contract.ContractSimulator;
import io.wasmhive.workflow.contract.SimulationResult;
import io.wasmhive.workflow.sdk.Step;
import io.wasmhive.workflow.tx.TransactionOutcome;
import io.wasmhive.workflow.tx.TransactionSender;
import io.wasmhive.workflow.tx.Transactions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One contract step of a run: its {@code $wasm:} and then {@code $ref:} references resolved, then either simulated
 * with {@code eth_call} at the run's pinned block from the workflow's owner, or — in a run with
 * {@code "execute":true} — sent as a transaction from the deployment's signer ({@link TransactionSender}: simulated
 * first at the latest block, not sent when that reverts). Thread-safe; blocks for the step.
 */
final class ContractSteps {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ReadOnlyRpc chains;
  private final ContractSimulator contracts;
  private final Transactions transactions;
  private final JsonMapper json;

  ContractSteps(ReadOnlyRpc chains, ContractSimulator contracts, Transactions transactions, JsonMapper json) {
    this.chains = chains;
    this.contracts = contracts;
    this.transactions = transactions;
    this.json = json;
  }

  /**
   * The step as it ended and the run's error when it failed.
   *
   * @param view the step's view
   * @param error the run's error, null when the step succeeded
   */
  record Outcome(StepView view, String error) {
  }

  /** Simulates (or, when {@code execute}, sends) contract step {@code index} of run {@code runId}. */
  Outcome run(String runId, boolean execute, int index, Step step, String owner, long chainId, ChainSession session,
      WasmRefResolver refs, DataRefResolver dataRefs) {
    long started = System.nanoTime();
    int before = session.exchangeCount();
    ArrayNode arguments = NODES.arrayNode();
    BigInteger value;
    ContractCall contractCall;
    try {
      for (String arg : step.args()) {
        arguments.add(dataRefs.resolve(refs.resolve(argument(arg))));
      }
      value = JobRunner.value(step.value(), refs, dataRefs);
      FunctionSignature signature = step.abi().isEmpty()
          ? new FunctionSignature("", List.of(), List.of()) : FunctionSignature.parse(step.abi());
      List<JsonNode> args = new ArrayList<>();
      arguments.forEach(args::add);
      contractCall = new ContractCall(chainId, owner, step.target(), signature.name(), signature.inputTypes(), args,
          value);
      if (execute) {
        return executed(runId, index, step, owner, contractCall, arguments, started, session, before);
      }
      SimulationResult result = contracts.simulate(session, contractCall, chains.limits().callTimeout());
      StepView.CallView call = new StepView.CallView(owner, step.target(), step.abi(), value.toString(),
          result.calldata(), result.blockNumber() == null ? null : String.valueOf(result.blockNumber()),
          result.success(), result.returnData(), result.revertReason(), null);
      String error = result.success() ? null : prefix(index, step) + " reverted: " + result.revertReason();
      return step(index, arguments, error, started, call, session, before);
    } catch (RuntimeException e) {
      // The SDK's reference messages are the run's error as they are; other failures name the step.
      String error = e instanceof WasmRefException || e instanceof DataRefException ? e.getMessage()
          : prefix(index, step) + ": " + e.getMessage();
      return step(index, arguments, error, started, null, session, before);
    }
  }

  /** Sends the step as a transaction; the step succeeds when it was mined with status 1. */
  private Outcome executed(String runId, int index, Step step, String owner, ContractCall contractCall,
      ArrayNode arguments, long started, ChainSession session, int before) {
    TransactionSender sender = transactions.sender().orElseThrow(
        () -> new IllegalStateException(Transactions.NOT_CONFIGURED));
    String calldata = contracts.encode(contractCall);
    if (!sender.allows(owner)) {
      String error = prefix(index, step) + ": not executed: the workflow's owner " + owner + " is not the signer ("
          + sender.address() + ") nor in workflow.signer.allowed-owners; nothing was sent";
      StepView.CallView call = new StepView.CallView(sender.address(), step.target(), step.abi(),
          contractCall.value().toString(), calldata, null, null, null, null, null);
      return step(index, arguments, error, started, call, session, before);
    }
    requireAddress(step.target());
    TransactionOutcome tx = sender.execute(contractCall.chainId(), runId, index, step.target(), calldata,
        contractCall.value());
    boolean mined = tx.mined();
    StepView.CallView call = new StepView.CallView(tx.from(), step.target(), step.abi(),
        contractCall.value().toString(), calldata, tx.blockNumber() != null ? tx.blockNumber() : tx.simulatedAt(),
        "timeout".equals(tx.status()) ? null : mined, tx.returnData(), tx.revertReason(),
        StepView.TransactionView.of(tx));
    return step(index, arguments, mined ? null : prefix(index, step) + ": " + tx.error(), started, call, session,
        before);
  }

  private Outcome step(int index, ArrayNode arguments, String error, long started, StepView.CallView call,
      ChainSession session, int before) {
    List<JsonNode> rpc = views(json, session.exchangesFrom(before));
    return new Outcome(new StepView(index, "contract", null, null, error == null ? "succeeded" : "failed", arguments,
        null, error, null, null, (System.nanoTime() - started) / 1_000_000, call, rpc, null), error);
  }

  private static String prefix(int index, Step step) {
    return "contract step " + index + " (" + step.abi() + " on " + step.target() + ")";
  }

  private static void requireAddress(String target) {
    if (target == null || !target.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("target is not an address (0x and 40 hex digits): " + target);
    }
  }

  /**
   * An argument as the resolver walks it: a string holding a JSON array ({@code "[1,2]"}, {@code
   * "[\"$wasm:a\",\"0x…\"]"}) becomes that array, so references inside it resolve; anything else stays a string.
   */
  private JsonNode argument(String arg) {
    String trimmed = arg.strip();
    if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
      try {
        JsonNode parsed = json.readTree(trimmed);
        if (parsed.isArray()) {
          return parsed;
        }
      } catch (RuntimeException e) {
        // Not JSON: the encoder reads it as it is.
      }
    }
    return NODES.stringNode(arg);
  }

  /** Exchanges as a step's {@code rpc} shows them. */
  static List<JsonNode> views(JsonMapper json, List<io.wasmhive.workflow.chain.RpcExchange> exchanges) {
    List<JsonNode> out = new ArrayList<>(exchanges.size());
    exchanges.forEach(e -> out.add(json.valueToTree(e)));
    return out;
  }
}
