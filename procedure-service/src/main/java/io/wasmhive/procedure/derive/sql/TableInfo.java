package io.wasmhive.procedure.derive.sql;

import java.util.List;

/**
 * One table of a derivation's schema as the dump sees it.
 *
 * @param name the table's name as the engine stores it
 * @param columns the columns in ordinal order
 * @param primaryKey the indexes (into {@code columns}) of the primary key's columns in key order; empty when the
 *     table has none
 */
record TableInfo(String name, List<Column> columns, List<Integer> primaryKey) {

  record Column(String name, ColumnKind kind) {
  }
}
