package io.wasmhive.procedure.derive.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads the tables of a database through standard JDBC metadata: names sorted by their UTF-16 code units (Java's
 * {@link String#compareTo}), columns by ordinal, the primary key by key sequence. Refuses column types derivations
 * do not support.
 */
final class SchemaReader {

  private SchemaReader() {
  }

  static List<TableInfo> read(Connection connection, SqlEngine engine) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, engine.metadataSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    names.sort(Comparator.naturalOrder());
    List<TableInfo> tables = new ArrayList<>();
    for (String name : names) {
      tables.add(table(meta, engine, name));
    }
    return List.copyOf(tables);
  }

  private static TableInfo table(DatabaseMetaData meta, SqlEngine engine, String name) throws SQLException {
    TreeMap<Integer, TableInfo.Column> columns = new TreeMap<>();
    try (ResultSet rs = meta.getColumns(null, engine.metadataSchema(), name, "%")) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        int type = rs.getInt("DATA_TYPE");
        ColumnKind kind = engine.kindOf(type, rs.getString("TYPE_NAME")).orElseThrow(() -> new SqlRefusedException(
            "column " + name + "." + column + " has a type derivations do not support; use BOOLEAN, integers, "
            + "DECIMAL, REAL, DOUBLE, CHAR/VARCHAR/TEXT, BINARY/VARBINARY/BLOB, DATE, TIME or TIMESTAMP"));
        columns.put(rs.getInt("ORDINAL_POSITION"), new TableInfo.Column(column, kind));
      }
    }
    List<TableInfo.Column> ordered = List.copyOf(columns.values());
    TreeMap<Integer, Integer> key = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, engine.metadataSchema(), name)) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        for (int i = 0; i < ordered.size(); i++) {
          if (ordered.get(i).name().equals(column)) {
            key.put(rs.getInt("KEY_SEQ"), i);
          }
        }
      }
    }
    return new TableInfo(name, ordered, List.copyOf(key.values()));
  }
}
