package io.wasmhive.workflow.wasmserver;

import io.wasmhive.executor.RpcHandler;

/**
 * Where a {@code /wasm/run} guest's JSON-RPC requests go ({@code host.rpc_call} and the file bridge). A bean of this
 * type replaces the default, which answers every request with {@code -32000 "no chain configured"}. Thread-safe.
 */
public interface WasmServerRpc {

  /** The handler for one run; {@code jobId} is the request's, as text, for the handler's records. */
  RpcHandler forRun(String jobId);
}
