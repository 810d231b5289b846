package io.wasmhive.workflow.wasm;

import io.wasmhive.executor.RpcHandler;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake of the outside world for unit-level tests: a JSON-RPC handler that answers {@code eth_call} with one fixed
 * 32-byte word and records every request it was sent. (The real chain is anvil, in the integration tests.)
 */
final class Erc20BalanceRpc implements RpcHandler {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String word;
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  Erc20BalanceRpc(BigInteger balance) {
    this.word = "0x" + String.format("%64s", balance.toString(16)).replace(' ', '0');
  }

  @Override
  public byte[] handle(byte[] request, Duration timeout) {
    JsonNode node = JSON.readTree(request);
    requests.add(node);
    String answer = node.path("method").asString("").equals("eth_call")
        ? "{\"jsonrpc\":\"2.0\",\"id\":" + node.get("id") + ",\"result\":\"" + word + "\"}"
        : "{\"jsonrpc\":\"2.0\",\"id\":" + node.get("id") + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}";
    return answer.getBytes(StandardCharsets.UTF_8);
  }
}
