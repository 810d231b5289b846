package io.wasmhive.workflow.chain;

import io.wasmhive.executor.RpcHandler;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run's read-only access to the chains: answers the JSON-RPC requests of its WebAssembly steps (both
 * {@code host.rpc_call} and the file bridge) and of its simulated contract steps. Only the read methods of
 * {@link MethodPolicy} are forwarded; {@code "latest"}, {@code "pending"} and omitted block tags become one block
 * number per chain, fetched on first use and kept for the session; each call is bounded by the call timeout and
 * the time the caller has left; the session forwards at most its call budget of calls; every exchange is
 * recorded. Thread-safe; {@link #handle} blocks for the upstream call and never throws.
 */
public final class ChainSession implements RpcHandler {

  /** The largest request answered; the same bound as the executor's and the Ditto bridge's. */
  public static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final long defaultChainId;
  private final ChainEndpoints endpoints;
  private final SessionLimits limits;
  private final UpstreamClient upstream;
  private final AtomicInteger calls = new AtomicInteger();
  private final BlockPins pins;
  private final ExchangeRecorder recorder;

  ChainSession(long defaultChainId, ChainEndpoints endpoints, SessionLimits limits, UpstreamClient upstream,
      Map<Long, Long> pinnedBlocks) {
    this.defaultChainId = defaultChainId;
    this.endpoints = endpoints;
    this.limits = limits;
    this.upstream = upstream;
    this.pins = new BlockPins(upstream, pinnedBlocks);
    this.recorder = new ExchangeRecorder(limits.maxRecordedBytes());
  }

  /** Answers one JSON-RPC request within {@code timeout} (capped by the call timeout); records the exchange. */
  @Override
  public byte[] handle(byte[] request, Duration timeout) {
    long started = System.nanoTime();
    Answer answer = answer(request, timeout, started);
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    recorder.record(answer.chainId, answer.method, new String(request, StandardCharsets.UTF_8),
        new String(answer.response, StandardCharsets.UTF_8), durationMs);
    return answer.response;
  }

  /** The job's chain, used when a request names none. */
  public long defaultChainId() {
    return defaultChainId;
  }

  /** Every exchange so far, oldest first (at most {@link ExchangeRecorder#MAX_EXCHANGES}). */
  public List<RpcExchange> exchanges() {
    return recorder.exchanges();
  }

  /** How many exchanges are recorded so far; a mark for {@link #exchangesFrom}. */
  public int exchangeCount() {
    return recorder.count();
  }

  /** The exchanges recorded after the first {@code from} (a mark from {@link #exchangeCount}), oldest first. */
  public List<RpcExchange> exchangesFrom(int from) {
    return recorder.exchangesFrom(from);
  }

  /** How many exchanges were not recorded because the record was full. */
  public long droppedExchanges() {
    return recorder.dropped();
  }

  /** The block each chain used so far is pinned to, by chain id. */
  public Map<Long, Long> pinnedBlocks() {
    return pins.snapshot();
  }

  /** How many calls the session forwarded (at most the budget; refused requests are not calls). */
  public int callsMade() {
    return Math.min(calls.get(), limits.callBudget());
  }

  public SessionLimits limits() {
    return limits;
  }

  private record Answer(long chainId, String method, byte[] response) {
  }

  private Answer answer(byte[] request, Duration timeout, long started) {
    if (request.length > MAX_REQUEST_BYTES) {
      return new Answer(defaultChainId, "", JsonRpcReplies.tooLarge(MAX_REQUEST_BYTES));
    }
    JsonNode node;
    try {
      node = JsonRpcReplies.JSON.readTree(request);
    } catch (JacksonException e) {
      return new Answer(defaultChainId, "", JsonRpcReplies.parseError());
    }
    if (node == null || node.isMissingNode()) {
      return new Answer(defaultChainId, "", JsonRpcReplies.parseError()); // Empty or blank: JSON.parse fails too.
    }
    if (!node.isObject()) {
      return new Answer(defaultChainId, "", JsonRpcReplies.invalidRequest(null));
    }
    JsonNode id = node.get("id");
    JsonNode method = node.get("method");
    JsonNode version = node.get("jsonrpc");
    if (version == null || !version.isString() || !"2.0".equals(version.stringValue()) || method == null
        || !method.isString()) {
      return new Answer(defaultChainId, method != null && method.isString() ? method.stringValue() : "",
          JsonRpcReplies.invalidRequest(id));
    }
    String name = method.stringValue();
    MethodPolicy.Method allowed = MethodPolicy.allowed(name);
    if (allowed == null) {
      return new Answer(defaultChainId, name, JsonRpcReplies.methodNotFound(id, MethodPolicy.refusal(name)));
    }
    return call((ObjectNode) node, id, allowed, timeout, started);
  }

  private Answer call(ObjectNode request, JsonNode id, MethodPolicy.Method method, Duration timeout,
      long started) {
    String name = method.name();
    JsonNode params = request.get("params");
    if (params == null || params.isNull()) {
      params = JsonRpcReplies.JSON.createArrayNode();
    } else if (!params.isArray()) {
      return new Answer(defaultChainId, name, JsonRpcReplies.invalidParams(id, name, "params as an array"));
    }
    if (!method.requirement().satisfiedBy(params)) {
      return new Answer(defaultChainId, name, JsonRpcReplies.invalidParams(id, name, method.requirement().what));
    }
    Long chainId = chainId(request.get("chainId"));
    if (chainId == null) {
      return new Answer(defaultChainId, name, JsonRpcReplies.invalidParams(id, name, "a positive integer chainId"));
    }
    URI url = endpoints.url(chainId).orElse(null);
    if (url == null) {
      return new Answer(chainId, name, JsonRpcReplies.serverError(id,
          "No RPC client configured for chain " + chainId + ". Set RPC_URL_" + chainId + " env var."));
    }
    if (calls.incrementAndGet() > limits.callBudget()) {
      return new Answer(chainId, name, JsonRpcReplies.serverError(id,
          "RPC call budget exhausted: a run may make at most " + limits.callBudget() + " calls"));
    }
    CallDeadline deadline = CallDeadline.of(started, limits.callTimeout(), timeout);
    try {
      return new Answer(chainId, name, forward(chainId, url, id, method, (ArrayNode) params, deadline));
    } catch (UpstreamClient.UpstreamFailure e) {
      return new Answer(chainId, name, JsonRpcReplies.serverError(id, e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(chainId, name, JsonRpcReplies.serverError(id, "RPC call interrupted"));
    }
  }

  private byte[] forward(long chainId, URI url, JsonNode id, MethodPolicy.Method method, ArrayNode params,
      CallDeadline deadline) throws UpstreamClient.UpstreamFailure, InterruptedException {
    if ("eth_blockNumber".equals(method.name())) {
      long block = pins.block(chainId, url, deadline);
      return JsonRpcReplies.result(id, JsonRpcReplies.JSON.getNodeFactory().stringNode(quantity(block)));
    }
    ArrayNode sent = params.deepCopy();
    if (method.hasBlockTag()) {
      pin(sent, method, chainId, url, deadline);
    }
    JsonNode reply = upstream.call(url, method.name(), sent, deadline);
    if (reply.has("result")) {
      return JsonRpcReplies.result(id, reply.get("result"));
    }
    if (reply.get("error") instanceof ObjectNode error) {
      return JsonRpcReplies.upstreamError(id, error);
    }
    throw new UpstreamClient.UpstreamFailure("Invalid JSON-RPC response from upstream");
  }

  /** Puts the pinned block where the method's block parameter is latest, pending, null or left out. */
  private void pin(ArrayNode params, MethodPolicy.Method method, long chainId, URI url, CallDeadline deadline)
      throws UpstreamClient.UpstreamFailure, InterruptedException {
    int index = method.blockTagIndex();
    if (MethodPolicy.pinnable(index < params.size() ? params.get(index) : null)) {
      String block = quantity(pins.block(chainId, url, deadline));
      while (params.size() <= index) {
        params.addNull();
      }
      params.set(index, block);
    }
    if ("eth_getBlockByNumber".equals(method.name()) && params.size() < 2) {
      params.add(false); // Nodes require the fullTransactions flag; the simulator's default is false.
    }
  }

  private Long chainId(JsonNode member) {
    if (member == null || member.isNull()) {
      return defaultChainId;
    }
    try {
      BigInteger value;
      if (member.isIntegralNumber()) {
        value = member.bigIntegerValue();
      } else if (member.isString()) {
        String text = member.stringValue().trim();
        value = text.startsWith("0x") ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
      } else {
        return null;
      }
      return value.signum() > 0 && value.bitLength() < 63 ? value.longValue() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String quantity(long value) {
    return "0x" + Long.toHexString(value);
  }
}
