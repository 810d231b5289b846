package io.wasmhive.executor.engine;

/** Thrown by a host function to end the execution normally with an exit code (WASI {@code proc_exit}). */
public final class GuestExit extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;

  public GuestExit(int code) {
    super("exit " + code, null, false, false);
    this.code = code;
  }

  /** The exit code the guest asked for. */
  public int code() {
    return code;
  }
}
