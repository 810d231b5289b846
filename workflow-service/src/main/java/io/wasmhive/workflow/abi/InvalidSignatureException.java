package io.wasmhive.workflow.abi;

/** A function signature that does not parse; the message says where and why. Unchecked. */
public class InvalidSignatureException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidSignatureException(String message) {
    super(message);
  }
}
