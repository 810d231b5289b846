package io.wasmhive.workflow.run;

/** A {@code $wasm:} reference that cannot be resolved; its message is the SDK's. */
public final class WasmRefException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public WasmRefException(String message) {
    super(message);
  }
}
