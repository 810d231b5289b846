package io.wasmhive.platform.chainwatch;

/**
 * A JSON-RPC call to the chain failed (transport error or an error response) after its retries. Retryable: a
 * watcher backs off and polls again from the same cursor.
 */
public final class ChainRpcException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ChainRpcException(String message, Throwable cause) {
    super(message, cause);
  }

  public ChainRpcException(String message) {
    super(message);
  }

  /** Always true: a chain that did not answer may answer on the next poll. */
  public boolean retryable() {
    return true;
  }
}
