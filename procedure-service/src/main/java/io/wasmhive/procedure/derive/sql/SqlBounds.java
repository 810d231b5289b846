package io.wasmhive.procedure.derive.sql;

/**
 * The bounds of a derivation database's statements, enforced by {@link DerivationDatabase} (the size bound is
 * the message's: {@code max_db_bytes}).
 *
 * @param maxResultRows the most rows one query may return
 * @param maxResultBytes the most bytes of JSON one query may return
 * @param maxParams the most parameters one statement may have
 * @param maxSqlBytes the longest statement (UTF-16 code units)
 */
public record SqlBounds(int maxResultRows, int maxResultBytes, int maxParams, int maxSqlBytes) {

  public SqlBounds {
    if (maxResultRows <= 0 || maxResultBytes <= 0 || maxParams < 0 || maxSqlBytes <= 0) {
      throw new IllegalArgumentException("SQL bounds must be positive");
    }
  }
}
