package io.wasmhive.executor.internal.host;

import java.nio.charset.StandardCharsets;

/**
 * A JSON-RPC 2.0 error response, the only way RPC failures reach the guest. Messages are fixed host text:
 * a handler's own exception message is never forwarded, since it may carry endpoint URLs or keys.
 */
final class JsonRpcError {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int INTERNAL_ERROR = -32603;
  static final int HANDLER_FAILED = -32000;

  private JsonRpcError() {
  }

  /** The response bytes; {@code id} is JSON text already validated by {@link JsonScanner}. */
  static byte[] of(String id, int code, String message) {
    String json = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":" + code
        + ",\"message\":\"" + escape(message) + "\"}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
