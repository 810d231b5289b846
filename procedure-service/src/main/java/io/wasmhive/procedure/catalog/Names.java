package io.wasmhive.procedure.catalog;

import io.wasmhive.procedure.error.ErrorCode;
import io.wasmhive.procedure.error.ProcedureException;
import java.util.regex.Pattern;

/** The rules for procedure, parameter and database names. */
public final class Names {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Names() {
  }

  /** Fails with {@code BAD_REQUEST} unless {@code name} is an identifier of at most 128 characters. */
  public static String requireName(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST,
          what + " must be an identifier ([A-Za-z_][A-Za-z0-9_]*, at most 128 characters), got " + quote(name));
    }
    return name;
  }

  /** Fails with {@code BAD_REQUEST} unless {@code database} is 1 to 64 letters, digits, '_' or '-'. */
  public static String requireDatabase(String database) {
    if (database == null || !DATABASE.matcher(database).matches()) {
      throw new ProcedureException(ErrorCode.BAD_REQUEST,
          "X-Mindb-Database must be 1 to 64 letters, digits, '_' or '-', got " + quote(database));
    }
    return database;
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "'" + s + "'";
  }
}
