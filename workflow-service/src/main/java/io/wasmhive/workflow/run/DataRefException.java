package io.wasmhive.workflow.run;

/** A {@code $ref:} reference that cannot be parsed or resolved; its message is the SDK's where the SDK has one. */
public final class DataRefException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DataRefException(String message) {
    super(message);
  }
}
