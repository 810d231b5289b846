package io.wasmhive.executor;

/**
 * A {@code db} call the database refused or could not answer, with the code the guest reads (always negative,
 * so that it cannot be taken for a row count or a length) and a message {@code db.error} hands the guest.
 */
public final class DatabaseException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The statement is not valid SQL for the database, or names what does not exist. */
  public static final int SQL_ERROR = -1;
  /** The statement is not allowed here: not deterministic, not read-only in a query, or not one statement. */
  public static final int REFUSED = -2;
  /** A constraint (primary key, unique, not null, check, foreign key) refused the change. */
  public static final int CONSTRAINT = -3;
  /** A limit of the database was reached: its size, a result's size or rows. */
  public static final int LIMIT = -4;
  /** The parameters are not a JSON array of numbers, strings, booleans and nulls. */
  public static final int BAD_PARAMS = -5;
  /** The task has no database. */
  public static final int NO_DATABASE = -6;
  /** The handler failed for another reason. */
  public static final int FAILED = -7;

  private final int code;

  public DatabaseException(int code, String message) {
    super(message);
    if (code >= 0) {
      throw new IllegalArgumentException("database error codes are negative, was " + code);
    }
    this.code = code;
  }

  /** The code the guest's {@code db.exec} or {@code db.query} returns. */
  public int code() {
    return code;
  }
}
