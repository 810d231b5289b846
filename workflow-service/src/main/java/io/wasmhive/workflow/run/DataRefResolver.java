package io.wasmhive.workflow.run;

import io.wasmhive.workflow.abi.FunctionSignature;
import io.wasmhive.workflow.chain.ChainSession;
import io.wasmhive.workflow.chain.ReadOnlyRpc;
import io.wasmhive.workflow.contract.ContractCall;
import io.wasmhive.workflow.contract.ContractSimulator;
import io.wasmhive.workflow.contract.ReturnDecoder;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code $ref:} references resolved as the SDK's {@code DataRefResolver} does, after the {@code $wasm:} ones: a
 * reference is a whole argument, arrays and objects are walked. A leader reads each with {@code eth_call} through
 * the run's {@link ChainSession} at the pinned block of the reference's chain and decodes it by the signature's
 * output types ({@code uint256} without {@code returns}); an operator takes the value from the leader's
 * {@link DataRefContext} and reads nothing. Every value used is recorded in the SDK's shape. Not thread-safe; one
 * per run.
 */
final class DataRefResolver {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final String NOBODY = "0x0000000000000000000000000000000000000000";

  private final ChainSession session;
  private final ReadOnlyRpc chains;
  private final ContractSimulator contracts;
  private final Duration timeout;
  private final DataRefContext leader;
  private final List<ResolvedDataRef> resolved = new ArrayList<>();

  private DataRefResolver(ChainSession session, ReadOnlyRpc chains, ContractSimulator contracts, Duration timeout,
      DataRefContext leader) {
    this.session = session;
    this.chains = chains;
    this.contracts = contracts;
    this.timeout = timeout;
    this.leader = leader;
  }

  /** A leader's resolver: reads the chain through {@code session}. */
  static DataRefResolver reading(ChainSession session, ReadOnlyRpc chains, ContractSimulator contracts) {
    return new DataRefResolver(session, chains, contracts, chains.limits().callTimeout(), null);
  }

  /** An operator's resolver: answers from the leader's context, reads nothing. */
  static DataRefResolver replaying(DataRefContext leader) {
    return new DataRefResolver(null, null, null, null, leader);
  }

  /** The references resolved so far, in order, in the SDK's serialized shape. */
  List<ResolvedDataRef> resolved() {
    return List.copyOf(resolved);
  }

  /** {@code node} with every {@code $ref:} string replaced by its value (integers as exact JSON integers). */
  JsonNode resolve(JsonNode node) {
    return resolve(node, 0);
  }

  private JsonNode resolve(JsonNode node, int depth) {
    if (depth > WasmRefResolver.MAX_DEPTH) {
      throw new DataRefException("argument nested deeper than " + WasmRefResolver.MAX_DEPTH + " levels");
    }
    if (node == null) {
      return null;
    }
    if (node.isString() && DataRef.isReference(node.stringValue())) {
      return value(DataRef.parse(node.stringValue()));
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(element -> out.add(resolve(element, depth + 1)));
      return out;
    }
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.properties().forEach(field -> out.set(field.getKey(), resolve(field.getValue(), depth + 1)));
      return out;
    }
    return node;
  }

  private JsonNode value(DataRef ref) {
    if (leader != null) {
      return replay(ref);
    }
    if (chains.endpoints().url(ref.chainId()).isEmpty()) {
      throw new DataRefException("Unsupported chain ID: " + ref.chainId());
    }
    long block = block(ref.chainId());
    JsonNode value;
    try {
      value = read(ref, block);
    } catch (RuntimeException e) {
      throw new DataRefException("DataRef resolution failed for " + ref.name() + " at block " + block + ": "
          + e.getMessage());
    }
    resolved.add(new ResolvedDataRef(ref, toContext(value), String.valueOf(block)));
    return toPlain(toContext(value));
  }

  private JsonNode replay(DataRef ref) {
    for (ResolvedDataRef entry : leader.resolvedRefs()) {
      if (entry.ref().equals(ref)) {
        resolved.add(entry);
        return toPlain(entry.value());
      }
    }
    List<String> names = leader.resolvedRefs().stream().map(r -> r.ref().name()).toList();
    throw new DataRefException("DataRef " + ref.name() + " not found in provided context from leader. Available: ["
        + String.join(", ", names) + "]");
  }

  /** The pinned block of the chain; the first reference to a chain pins it (one call of the budget). */
  private long block(long chainId) {
    Long pinned = session.pinnedBlocks().get(chainId);
    if (pinned != null) {
      return pinned;
    }
    JsonNode reply = request(chainId, "eth_blockNumber", NODES.arrayNode());
    JsonNode result = reply.get("result");
    if (result == null || !result.isString()) {
      throw new DataRefException("DataRef resolution failed: chain " + chainId + " gave no block number: "
          + reply.get("error"));
    }
    return Long.decode(result.stringValue());
  }

  private JsonNode read(DataRef ref, long block) {
    String abi = ref.abi().contains("returns") ? ref.abi() : ref.abi() + " view returns (uint256)";
    FunctionSignature signature = FunctionSignature.parse(abi);
    if (!ADDRESS.matcher(ref.target()).matches()) {
      throw new IllegalArgumentException("target is not an address: " + ref.target());
    }
    List<JsonNode> args = new ArrayList<>();
    ref.args().forEach(args::add);
    String calldata = contracts.encode(new ContractCall(ref.chainId(), NOBODY, ref.target(), signature.name(),
        signature.inputTypes(), args, BigInteger.ZERO));
    ObjectNode tx = NODES.objectNode().put("to", ref.target()).put("data", calldata);
    ArrayNode params = NODES.arrayNode().add(tx).add("0x" + Long.toHexString(block));
    JsonNode reply = request(ref.chainId(), "eth_call", params);
    JsonNode result = reply.get("result");
    if (result == null || !result.isString()) {
      JsonNode error = reply.get("error");
      JsonNode message = error == null ? null : error.get("message");
      JsonNode data = error == null ? null : error.get("data");
      throw new IllegalStateException((message == null ? String.valueOf(error) : message.asString())
          + (data != null && data.isString() && !data.stringValue().startsWith("0x") ? ": " + data.stringValue()
              : ""));
    }
    JsonNode value = ReturnDecoder.decode(result.stringValue(), signature.outputTypes());
    if (ref.resultIndex() != null && value.isArray()) {
      if (ref.resultIndex() >= value.size()) {
        throw new IllegalArgumentException("resultIndex " + ref.resultIndex() + " is out of range: the result has "
            + value.size() + " values");
      }
      value = value.get(ref.resultIndex());
    }
    return value;
  }

  private JsonNode request(long chainId, String method, ArrayNode params) {
    ObjectNode request = NODES.objectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
    request.set("params", params);
    request.put("chainId", chainId);
    return JSON.readTree(session.handle(JSON.writeValueAsBytes(request), timeout));
  }

  /** A decoded value in the SDK's serialized form: integers as {@code {"__bigint":"…"}}, also inside arrays. */
  static JsonNode toContext(JsonNode value) {
    if (value.isIntegralNumber()) {
      return NODES.objectNode().put("__bigint", value.bigIntegerValue().toString());
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      value.forEach(element -> out.add(toContext(element)));
      return out;
    }
    return value;
  }

  /** A context value as an argument: every {@code {"__bigint":"…"}} becomes that integer. */
  static JsonNode toPlain(JsonNode value) {
    if (value.isObject() && value.size() == 1 && value.get("__bigint") != null
        && value.get("__bigint").isString() && value.get("__bigint").stringValue().matches("-?[0-9]{1,78}")) {
      return NODES.numberNode(new BigInteger(value.get("__bigint").stringValue()));
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      value.forEach(element -> out.add(toPlain(element)));
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        out.set(field.getKey(), toPlain(field.getValue()));
      }
      return out;
    }
    return value;
  }
}
