package io.wasmhive.workflow.chain;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON-RPC answers of a session, byte for byte those of the Ditto simulator's RPC bridge: members in the
 * order {@code jsonrpc, id, result|error}, error objects {@code code, message[, data]}, compact.
 */
final class JsonRpcReplies {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int SERVER_ERROR = -32000;

  private JsonRpcReplies() {
  }

  /** A success; {@code id} null means the request had no id, and the answer then has none either. */
  static byte[] result(JsonNode id, JsonNode result) {
    ObjectNode reply = head(id, false);
    reply.set("result", result);
    return JSON.writeValueAsBytes(reply);
  }

  /** An error; {@code idOrNull} true writes {@code "id":null} when the request had no id. */
  static byte[] error(JsonNode id, boolean idOrNull, int code, String message, String data) {
    ObjectNode reply = head(id, idOrNull);
    ObjectNode error = reply.putObject("error");
    error.put("code", code);
    error.put("message", message);
    if (data != null) {
      error.put("data", data);
    }
    return JSON.writeValueAsBytes(reply);
  }

  /** An error object received from the chain, passed on unchanged under the request's id. */
  static byte[] upstreamError(JsonNode id, JsonNode error) {
    ObjectNode reply = head(id, false);
    reply.set("error", error);
    return JSON.writeValueAsBytes(reply);
  }

  static byte[] parseError() {
    return error(null, true, PARSE_ERROR, "Parse error", null);
  }

  static byte[] invalidRequest(JsonNode id) {
    return error(id, true, INVALID_REQUEST, "Invalid Request", null);
  }

  static byte[] tooLarge(int max) {
    return error(null, true, INVALID_REQUEST, "Invalid Request", "Request too large (max " + max + " bytes)");
  }

  static byte[] methodNotFound(JsonNode id, String data) {
    return error(id, false, METHOD_NOT_FOUND, "Method not found", data);
  }

  static byte[] invalidParams(JsonNode id, String method, String what) {
    return error(id, false, INVALID_PARAMS, "Invalid params", "Invalid params: " + method + " requires " + what);
  }

  static byte[] serverError(JsonNode id, String data) {
    return error(id, true, SERVER_ERROR, "Server error", data);
  }

  private static ObjectNode head(JsonNode id, boolean idOrNull) {
    ObjectNode reply = JsonNodeFactory.instance.objectNode();
    reply.put("jsonrpc", "2.0");
    if (id != null) {
      reply.set("id", id);
    } else if (idOrNull) {
      reply.putNull("id");
    }
    return reply;
  }
}
