package io.wasmhive.procedure.derive.sql;

/** SQL the guard does not allow here: not deterministic, not of the allowed kind, or not exactly one statement. */
public final class SqlRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** {@code message} says what is refused, in words that are the same on every replay. */
  public SqlRefusedException(String message) {
    super(message);
  }
}
