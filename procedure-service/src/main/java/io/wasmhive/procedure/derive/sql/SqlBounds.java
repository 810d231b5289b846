package io.wasmhive.procedure.derive.sql;

/**
 * The bounds of one derivation's database, enforced by {@link DerivationDatabase}.
 *
 * @param maxDbBytes the largest canonical dump ({@link StateDump}) the database may have after a message
 * @param maxResultRows the most rows one query may return
 * @param maxResultBytes the most bytes of JSON one query may return
 * @param maxParams the most parameters one statement may have
 * @param maxSqlBytes the longest statement (UTF-16 code units)
 */
public record SqlBounds(long maxDbBytes, int maxResultRows, int maxResultBytes, int maxParams, int maxSqlBytes) {

  public SqlBounds {
    if (maxDbBytes <= 0 || maxResultRows <= 0 || maxResultBytes <= 0 || maxParams < 0 || maxSqlBytes <= 0) {
      throw new IllegalArgumentException("SQL bounds must be positive");
    }
  }
}
