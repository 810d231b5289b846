package io.wasmhive.workflow.contract;

import io.wasmhive.workflow.chain.ChainSession;
import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Simulates contract steps: encodes the call, sends it as {@code eth_call} at the session's pinned block from the
 * workflow's owner through the run's {@link ChainSession} (so it is recorded and counts against the budget), and
 * on success optionally asks {@code eth_estimateGas} at the same block. Stateless and thread-safe; blocks for the
 * calls.
 */
public final class ContractSimulator {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final int EXECUTION_REVERTED = 3;

  private final boolean estimateGas;

  /** A simulator that estimates gas for successful calls when {@code estimateGas} is true. */
  public ContractSimulator(boolean estimateGas) {
    this.estimateGas = estimateGas;
  }

  /** The calldata of a call, without sending it; throws {@link ArgumentEncodingException} for a bad argument. */
  public String encode(ContractCall call) {
    return Calldata.encode(call.functionName(), call.inputTypes(), call.arguments());
  }

  /**
   * Simulates {@code call} within {@code timeout} (for each of its one or two requests).
   *
   * @throws ArgumentEncodingException when an argument does not fit its type
   * @throws ContractCallException when the chain gave no answer or an error that is not a revert
   */
  public SimulationResult simulate(ChainSession session, ContractCall call, Duration timeout) {
    requireAddress("from", call.from());
    requireAddress("target", call.target());
    if (call.value().signum() < 0) {
      throw new IllegalArgumentException("value must not be negative: " + call.value());
    }
    String calldata = encode(call);
    ObjectNode tx = JSON.createObjectNode();
    tx.put("from", call.from());
    tx.put("to", call.target());
    tx.put("data", calldata);
    tx.put("value", "0x" + call.value().toString(16));
    JsonNode reply = request(session, call.chainId(), "eth_call", tx, timeout);
    Long block = session.pinnedBlocks().get(call.chainId());
    JsonNode result = reply.get("result");
    if (result != null && result.isString()) {
      BigInteger gas = estimateGas ? estimate(session, call.chainId(), tx, timeout) : null;
      return new SimulationResult(calldata, result.stringValue(), true, null, block, gas);
    }
    JsonNode error = reply.get("error");
    // asInt(0): a node's code that is no number or past an int (a misbehaving provider) reads as 0, not as a throw.
    int code = error != null && error.get("code") != null ? error.get("code").asInt(0) : 0;
    JsonNode data = error == null ? null : error.get("data");
    String revertData = data != null && data.isString() && data.stringValue().startsWith("0x")
        ? data.stringValue() : null;
    JsonNode message = error == null ? null : error.get("message");
    boolean reverted = message != null && message.isString() && message.stringValue().startsWith("execution reverted");
    if (revertData != null || code == EXECUTION_REVERTED || reverted) {
      String raw = revertData == null ? "0x" : revertData;
      return new SimulationResult(calldata, raw, false, RevertReasons.describe(raw), block, null);
    }
    throw new ContractCallException(code, "eth_call failed: " + (error == null ? reply.toString() : error.toString()));
  }

  private BigInteger estimate(ChainSession session, long chainId, ObjectNode tx, Duration timeout) {
    JsonNode result = request(session, chainId, "eth_estimateGas", tx, timeout).get("result");
    if (result == null || !result.isString() || !result.stringValue().startsWith("0x")) {
      return null; // An estimate is extra information; the simulation stands without it.
    }
    try {
      return new BigInteger(result.stringValue().substring(2), 16);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode request(ChainSession session, long chainId, String method, ObjectNode tx,
      Duration timeout) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", 1);
    request.put("method", method);
    request.putArray("params").add(tx);
    request.put("chainId", chainId);
    return JSON.readTree(session.handle(JSON.writeValueAsBytes(request), timeout));
  }

  private static void requireAddress(String name, String value) {
    if (!ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " is not an address (0x and 40 hex digits): " + value);
    }
  }
}
