package io.wasmhive.executor;

/** The guest trapped; {@link #trapCode()} says why (for example {@code unreachable}, {@code stack_overflow}). */
public class TrapException extends ExecutorException {

  private static final long serialVersionUID = 1L;

  private final String trapCode;

  public TrapException(String trapCode, String message) {
    super(message);
    this.trapCode = trapCode;
  }

  /** A stable, lower-case code: {@code unreachable}, {@code stack_overflow}, {@code memory_out_of_bounds}, ... */
  public String trapCode() {
    return trapCode;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.TRAP;
  }
}
