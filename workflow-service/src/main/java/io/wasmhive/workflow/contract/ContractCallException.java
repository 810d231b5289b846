package io.wasmhive.workflow.contract;

/**
 * A simulation that gave no result: the chain could not be asked (no endpoint, budget spent, timeout) or answered
 * an error that is not a revert. A revert is a result ({@link SimulationResult#success()} false), not this.
 */
public class ContractCallException extends RuntimeException {

  private final int code;

  ContractCallException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The JSON-RPC error code of the answer. */
  public int code() {
    return code;
  }

  /** Whether trying again may succeed: true for server errors (-32000: timeouts, upstream failures). */
  public boolean retryable() {
    return code == -32000;
  }
}
