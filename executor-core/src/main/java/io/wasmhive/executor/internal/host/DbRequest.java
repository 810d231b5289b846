package io.wasmhive.executor.internal.host;

import io.wasmhive.executor.DatabaseException;
import io.wasmhive.executor.DatabaseHandler;
import io.wasmhive.executor.engine.GuestMemory;

/**
 * The SQL text and JSON parameters of one {@code db.exec} or {@code db.query}, read from guest memory after
 * the checks that need no handler, in this order: sizes ({@link DatabaseException#LIMIT}), pointers (a
 * {@code bad_pointer} trap), a database at all ({@link DatabaseException#NO_DATABASE}), UTF-8 SQL
 * ({@link DatabaseException#BAD_PARAMS}). Immutable.
 */
record DbRequest(String sql, byte[] params) {

  /** Reads arguments 0 to 3 ({@code sql_ptr, sql_len, params_ptr, params_len}) of a {@code db} call. */
  static DbRequest read(GuestMemory memory, String function, long[] args, DatabaseHandler handler)
      throws DatabaseException {
    int sqlPointer = (int) args[0];
    long sqlLength = Integer.toUnsignedLong((int) args[1]);
    int paramsPointer = (int) args[2];
    long paramsLength = Integer.toUnsignedLong((int) args[3]);
    if (sqlLength > HostDb.MAX_SQL_BYTES) {
      throw new DatabaseException(DatabaseException.LIMIT,
          "the SQL has " + sqlLength + " bytes; the limit is " + HostDb.MAX_SQL_BYTES);
    }
    if (paramsLength > HostDb.MAX_PARAMS_BYTES) {
      throw new DatabaseException(DatabaseException.LIMIT,
          "the parameters have " + paramsLength + " bytes; the limit is " + HostDb.MAX_PARAMS_BYTES);
    }
    if (!HostDb.inBounds(memory, sqlPointer, sqlLength)) {
      throw HostDb.badPointer(function, "sql_ptr and sql_len lie outside guest memory");
    }
    if (!HostDb.inBounds(memory, paramsPointer, paramsLength)) {
      throw HostDb.badPointer(function, "params_ptr and params_len lie outside guest memory");
    }
    if (handler == null) {
      throw new DatabaseException(DatabaseException.NO_DATABASE, "this execution has no database");
    }
    String sql = DbText.decode(memory.read(sqlPointer, (int) sqlLength));
    if (sql == null) {
      throw new DatabaseException(DatabaseException.BAD_PARAMS, "the SQL is not valid UTF-8");
    }
    byte[] params = paramsLength == 0 ? new byte[0] : memory.read(paramsPointer, (int) paramsLength);
    return new DbRequest(sql, params);
  }
}
