package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.RpcHandler;

/**
 * Turns one guest request into one response for both RPC paths ({@code host.rpc_call} and the file
 * bridge). Never throws: every failure becomes a JSON-RPC error object carrying the request's id.
 */
final class RpcDispatcher {

  /** The largest request the host accepts. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  /** The largest response the host delivers; bigger ones are replaced by an error. */
  static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  private final RpcHandler handler;
  private final long deadlineNanos;
  private final RpcCalls calls;

  RpcDispatcher(RpcHandler handler, long deadlineNanos, RpcCalls calls) {
    this.handler = handler;
    this.deadlineNanos = deadlineNanos;
    this.calls = calls;
  }

  /** Answers {@code request}; blocks in the handler until the execution's deadline at the latest. */
  byte[] dispatch(byte[] request) {
    if (request.length > MAX_REQUEST_BYTES) {
      return tooLargeRequest();
    }
    JsonRequestScan scan = JsonScanner.scan(request);
    if (!scan.wellFormed()) {
      return JsonRpcError.of("null", JsonRpcError.PARSE_ERROR, "parse error: the request is not valid JSON");
    }
    if (!scan.object() || !scan.idValid()) {
      return JsonRpcError.of(scan.id(), JsonRpcError.INVALID_REQUEST,
          "invalid request: expected a JSON object with a string, number or null id");
    }
    return call(request, scan.id());
  }

  /** The answer to a request over {@link #MAX_REQUEST_BYTES}, which is not even read. */
  static byte[] tooLargeRequest() {
    return JsonRpcError.of("null", JsonRpcError.INVALID_REQUEST,
        "invalid request: larger than " + MAX_REQUEST_BYTES + " bytes");
  }

  private byte[] call(byte[] request, String id) {
    if (handler == null || handler == RpcHandler.UNAVAILABLE) {
      return JsonRpcError.of(id, JsonRpcError.INTERNAL_ERROR, "no RPC handler is configured on this executor");
    }
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      return JsonRpcError.of(id, JsonRpcError.HANDLER_FAILED, "the execution deadline has passed");
    }
    byte[] response;
    try {
      response = calls.call(handler, request, remaining);
    } catch (RpcCalls.Failure e) {
      return JsonRpcError.of(id, JsonRpcError.HANDLER_FAILED,
          e.timedOut() ? "the RPC call did not finish before the execution deadline" : "the RPC call failed");
    }
    if (response == null || response.length == 0) {
      return JsonRpcError.of(id, JsonRpcError.HANDLER_FAILED, "the RPC call returned no response");
    }
    if (response.length > MAX_RESPONSE_BYTES) {
      return JsonRpcError.of(id, JsonRpcError.HANDLER_FAILED,
          "the RPC response is larger than " + MAX_RESPONSE_BYTES + " bytes");
    }
    return response;
  }
}
