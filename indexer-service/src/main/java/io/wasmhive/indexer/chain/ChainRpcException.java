package io.wasmhive.indexer.chain;

/**
 * A JSON-RPC call to the chain failed (transport error or an error response) after its retries. Retryable: the
 * watcher backs off and polls again from the same cursor.
 */
final class ChainRpcException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ChainRpcException(String message, Throwable cause) {
    super(message, cause);
  }

  ChainRpcException(String message) {
    super(message);
  }

  /** Always true: a chain that did not answer may answer on the next poll. */
  boolean retryable() {
    return true;
  }
}
