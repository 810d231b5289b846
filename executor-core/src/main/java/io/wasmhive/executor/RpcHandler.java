package io.wasmhive.executor;

import java.time.Duration;

/**
 * Answers the JSON-RPC requests a guest sends through {@code host.rpc_call} or the file bridge.
 * Services supply it (the workflow service: read-only Ethereum). Must be thread-safe; may block up to
 * {@code timeout}. Whatever it throws reaches the guest as a JSON-RPC error object, never as a crash.
 */
@FunctionalInterface
public interface RpcHandler {

  /**
   * Handles one request.
   *
   * @param request the UTF-8 JSON-RPC request exactly as the guest sent it
   * @param timeout how long the execution may still wait
   * @return the UTF-8 JSON-RPC response
   */
  byte[] handle(byte[] request, Duration timeout) throws Exception;

  /** A handler that answers every request with a JSON-RPC error: the default when a service supplies none. */
  RpcHandler UNAVAILABLE = (request, timeout) -> {
    throw new UnsupportedOperationException("no RPC handler is configured on this executor");
  };
}
