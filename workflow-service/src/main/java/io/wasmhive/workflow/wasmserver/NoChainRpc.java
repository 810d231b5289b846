package io.wasmhive.workflow.wasmserver;

import io.wasmhive.executor.RpcHandler;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default {@link WasmServerRpc} when no chain access is configured: every request gets the JSON-RPC error
 * {@code -32000 "no chain configured"} carrying the request's id ({@code null} when it has none or is not JSON).
 */
final class NoChainRpc implements WasmServerRpc {

  static final int SERVER_ERROR = -32000;
  static final String MESSAGE = "no chain configured";

  private final JsonMapper mapper;

  NoChainRpc(JsonMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public RpcHandler forRun(String jobId) {
    return (request, timeout) -> answer(request);
  }

  private byte[] answer(byte[] request) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", idOf(request));
    ObjectNode error = response.putObject("error");
    error.put("code", SERVER_ERROR);
    error.put("message", MESSAGE);
    return mapper.writeValueAsString(response).getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode idOf(byte[] request) {
    try {
      JsonNode id = mapper.readTree(request).get("id");
      return id == null || !(id.isString() || id.isNumber()) ? JsonNodeFactory.instance.nullNode() : id;
    } catch (JacksonException e) {
      return JsonNodeFactory.instance.nullNode();
    }
  }
}
