package io.wasmhive.executor;

/**
 * Answers a guest's {@code db.exec} and {@code db.query} imports: the SQL database a derivation's reducer
 * works on (procedure-service, seed 002). Services supply it per task ({@link ExecutionTask.Builder#database});
 * a task without one answers every {@code db} call with {@link DatabaseException#NO_DATABASE}. Called on the
 * executor's worker thread, one call at a time for one execution; may block until {@code timeout}. Whatever it
 * throws other than a {@link DatabaseException} reaches the guest as {@link DatabaseException#FAILED} with a fixed
 * message, never as a crash. When the execution's deadline passes before it returns, its answer is dropped and
 * the execution ends as a timeout. Before it is called, the host has checked the sizes (SQL at most 64 KiB,
 * parameters at most 1 MiB, else {@link DatabaseException#LIMIT}) and that the SQL is valid UTF-8 (else
 * {@link DatabaseException#BAD_PARAMS}); query rows longer than the policy's {@code max_output} reach the guest as
 * {@link DatabaseException#LIMIT}. See docs/architecture.md, "Host interface", for the imports' ABI.
 */
public interface DatabaseHandler {

  /**
   * Runs one statement that may change the database.
   *
   * @param sql the statement, UTF-8 decoded exactly as the guest sent it
   * @param paramsJson the UTF-8 JSON array of positional parameters as the guest sent it (empty: none)
   * @param timeout how long the execution may still run
   * @return the number of rows changed, at least 0
   */
  long exec(String sql, byte[] paramsJson, java.time.Duration timeout) throws DatabaseException;

  /**
   * Runs one read-only query.
   *
   * @return its rows as a UTF-8 JSON array of objects keyed by column label, in the query's order
   */
  byte[] query(String sql, byte[] paramsJson, java.time.Duration timeout) throws DatabaseException;
}
