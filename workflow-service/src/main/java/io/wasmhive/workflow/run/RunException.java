package io.wasmhive.workflow.run;

/** A run request that cannot be served; {@link #code} is the API's error code. */
public final class RunException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  private RunException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** The workflow, job or run does not exist. */
  public static RunException notFound(String message) {
    return new RunException("NOT_FOUND", message);
  }

  /** The API's error code. */
  public String code() {
    return code;
  }
}
